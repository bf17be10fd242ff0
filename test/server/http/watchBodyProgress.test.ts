import { PassThrough, Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchBodyProgress } from "../../../server/http/watchBodyProgress.ts";

const LIMITS = { minBytes: 1024, windowMs: 600 };
// The watch's clock is faked: a window passes at once, and the streams still run for real.
const sleep = async (ms: number): Promise<void> => {
  await vi.advanceTimersByTimeAsync(ms);
};

let stops: (() => void)[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
});
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  vi.useRealTimers();
});

/** Watches `body` and records whether it was judged stalled. */
function watch(body: PassThrough): { stalled: () => boolean } {
  let stalled = false;
  stops.push(watchBodyProgress(body, LIMITS, () => (stalled = true)));
  return { stalled: () => stalled };
}

/** Writes `size` bytes every `everyMs` until `forMs` have passed. */
async function send(body: PassThrough, size: number, everyMs: number, forMs: number) {
  for (let at = 0; at < forMs; at += everyMs) {
    body.write(Buffer.alloc(size));
    await sleep(everyMs);
  }
}

describe("watchBodyProgress", () => {
  it("when a body being read brings a few bytes a window, then it is judged stalled", async () => {
    const body = new PassThrough();
    const watched = watch(body);
    body.resume(); // a reader takes the body
    await send(body, 1, 100, 3 * LIMITS.windowMs);
    expect(watched.stalled()).toBe(true);
  });

  it("when a body keeps coming well above the floor, then it is never stalled", async () => {
    const body = new PassThrough();
    const watched = watch(body);
    body.resume();
    // 512 bytes every 50 ms: 6 KiB a window against 1 KiB.
    await send(body, 512, 50, 4 * LIMITS.windowMs);
    expect(watched.stalled()).toBe(false);
  });

  it("when nobody reads the body yet, then silence is not held against the client", async () => {
    const body = new PassThrough();
    const watched = watch(body);
    await sleep(3 * LIMITS.windowMs);
    expect(watched.stalled()).toBe(false);
    expect(body.readableFlowing).toBeNull(); // watching did not start the flow
  });

  it("when the reader pushes back (a slow disk), then the quiet that causes is not a stall", async () => {
    const body = new PassThrough({ highWaterMark: 16 });
    const watched = watch(body);
    // A destination that never finishes a write: the pipe pauses the body after the first.
    const stuck = new Writable({ highWaterMark: 1, write: () => undefined });
    body.pipe(stuck);
    body.write(Buffer.alloc(64));
    await sleep(3 * LIMITS.windowMs);
    expect(body.readableFlowing).toBe(false);
    expect(watched.stalled()).toBe(false);
  });
});
