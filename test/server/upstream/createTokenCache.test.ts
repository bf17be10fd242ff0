import { describe, expect, it } from "vitest";
import { createTokenCache } from "../../../server/upstream/createTokenCache.ts";
import { fakeClock } from "../support/fakeClock.ts";

describe("createTokenCache", () => {
  it("when many callers ask at once, then one fetch serves them all", async () => {
    let fetches = 0;
    const cache = createTokenCache({
      now: Date.now,
      fetchToken: async () => ({ accessToken: `t${++fetches}`, expiresIn: 3600 }),
    });
    const tokens = await Promise.all(Array.from({ length: 50 }, () => cache.get()));
    expect(new Set(tokens)).toEqual(new Set(["t1"]));
    expect(fetches).toBe(1);
  });

  it("when the token nears its expiresIn, then it is refreshed ahead of time; invalidate forgets only that token", async () => {
    const clock = fakeClock();
    let fetches = 0;
    const cache = createTokenCache({
      now: clock.now,
      fetchToken: async () => ({ accessToken: `t${++fetches}`, expiresIn: 100 }),
    });
    expect(await cache.get()).toBe("t1");
    clock.advance(85_000); // 90 % of 100 s is still fresh
    expect(await cache.get()).toBe("t1");
    clock.advance(6_000);
    expect(await cache.get()).toBe("t2");
    cache.invalidate("t1"); // stale: a late 401 for an old token must not drop the new one
    expect(await cache.get()).toBe("t2");
    cache.invalidate("t2");
    expect(await cache.get()).toBe("t3");
  });

  it("when a fetch fails, then every waiter sees the failure, it is remembered for a doubling backoff, then tried again", async () => {
    const clock = fakeClock();
    let fail = true;
    let fetches = 0;
    const cache = createTokenCache({
      now: clock.now,
      fetchToken: async () => {
        fetches += 1;
        if (fail) throw new Error("down");
        return { accessToken: "ok", expiresIn: 60 };
      },
    });
    await expect(Promise.all([cache.get(), cache.get()])).rejects.toThrow("down");
    await expect(cache.get()).rejects.toThrow("down");
    expect(fetches).toBe(1);
    clock.advance(1_000); // first backoff: 1 s
    await expect(cache.get()).rejects.toThrow("down");
    expect(fetches).toBe(2);
    clock.advance(1_000); // second: 2 s
    await expect(cache.get()).rejects.toThrow("down");
    expect(fetches).toBe(2);
    fail = false;
    clock.advance(1_000);
    expect(await cache.get()).toBe("ok");
    expect(fetches).toBe(3);
  });

  it("when the failure carries a Retry-After, then it is waited out, but never longer than 30 s", async () => {
    const clock = fakeClock();
    let retryAfterSeconds = 20;
    let fetches = 0;
    const cache = createTokenCache({
      now: clock.now,
      fetchToken: async () => {
        fetches += 1;
        throw Object.assign(new Error("busy"), { retryAfterSeconds });
      },
    });
    await expect(cache.get()).rejects.toThrow("busy");
    clock.advance(19_999);
    await expect(cache.get()).rejects.toThrow("busy");
    expect(fetches).toBe(1);
    retryAfterSeconds = 3600;
    clock.advance(1);
    await expect(cache.get()).rejects.toThrow("busy");
    expect(fetches).toBe(2);
    clock.advance(30_000);
    await expect(cache.get()).rejects.toThrow("busy");
    expect(fetches).toBe(3);
  });
});
