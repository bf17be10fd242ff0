import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../server/protection/createRateLimiter.ts";
import { fakeClock } from "../support/fakeClock.ts";

describe("createRateLimiter", () => {
  it("when the limit is reached, then refusals carry the seconds until a slot frees", () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: clock.now });
    expect(limiter.take("ip")).toEqual({ ok: true });
    clock.advance(10_000);
    expect(limiter.take("ip")).toEqual({ ok: true });
    expect(limiter.take("ip")).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(limiter.take("other")).toEqual({ ok: true });
    clock.advance(50_000);
    expect(limiter.take("ip")).toEqual({ ok: true });
  });

  it("when only checked, then nothing is counted", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000 });
    expect(limiter.check("c")).toEqual({ ok: true });
    expect(limiter.check("c")).toEqual({ ok: true });
    limiter.record("c");
    expect(limiter.check("c").ok).toBe(false);
  });
});
