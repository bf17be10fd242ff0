import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { watchBodySize } from "../../../server/upload/watchBodySize.ts";

const flushed = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("watchBodySize", () => {
  it("when a body passes its limit, then onOver is called once, at the first byte over", async () => {
    const body = new PassThrough();
    let calls = 0;
    watchBodySize(body, 10, () => (calls += 1));
    body.write(Buffer.alloc(10));
    await flushed();
    expect(calls).toBe(0);
    body.write(Buffer.alloc(1));
    await flushed();
    expect(calls).toBe(1);
    body.write(Buffer.alloc(5));
    await flushed();
    expect(calls).toBe(1);
  });

  it("when stopped, then later bytes are not counted", async () => {
    const body = new PassThrough();
    let calls = 0;
    const stop = watchBodySize(body, 4, () => (calls += 1));
    body.write(Buffer.alloc(3));
    await flushed();
    stop();
    body.resume();
    body.write(Buffer.alloc(3));
    await flushed();
    expect(calls).toBe(0);
  });
});
