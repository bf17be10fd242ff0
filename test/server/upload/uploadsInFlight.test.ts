import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIB } from "../../../contract/index.ts";
import { pngBytes } from "../../support/files.ts";
import { postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { startRawUpload, type RawUpload } from "../support/rawUpload.ts";

// Issue 20, item 3: MAX_UPLOADS_IN_FLIGHT caps what one process receives and spools at once.
let spool: string;
let server: TestServer;
beforeEach(async () => {
  spool = await mkdtemp(join(tmpdir(), "uploads-in-flight-"));
  server = await startTestServer({ tmpDir: spool, env: { MAX_UPLOADS_IN_FLIGHT: "4" } });
});
afterEach(async () => {
  await server.close();
  await rm(spool, { recursive: true, force: true });
});

const FIRST_PART = 256 * 1024;
const parts = () => ticketParts({ files: [{ name: "screen.png", bytes: pngBytes(MIB) }] });

/** An upload that has sent its first 256 KiB and waits for the test to send the rest. */
function startSlow(token: string, headers: Record<string, string> = {}): RawUpload {
  const upload = startRawUpload(server.url, token, parts(), headers);
  upload.req.write(upload.body.subarray(0, FIRST_PART));
  return upload;
}
const finish = (upload: RawUpload) => upload.req.end(upload.body.subarray(FIRST_PART));

describe("MAX_UPLOADS_IN_FLIGHT", () => {
  it("when 4 uploads are being received, then a fifth is refused 429 with Retry-After before a byte of it is spooled; a duplicate waiting on its key does not count", async () => {
    const alice = await server.tokenFor("cus_demo_alice");
    const bob = await server.tokenFor("cus_demo_bob");
    const first = startSlow(alice, { "idempotency-key": "k1" });
    const others = [startSlow(alice), startSlow(bob)];
    await expect.poll(async () => (await readdir(spool)).length).toBe(3);
    // Same key as the first: it waits for the first's answer and is not counted meanwhile.
    const duplicate = postTicket(server.url, alice, parts(), { "idempotency-key": "k1" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fourth = startSlow(bob);
    await expect.poll(async () => (await readdir(spool)).length).toBe(4);

    const refused = await postTicket(server.url, bob, parts());
    expectApiError(refused, "RATE_LIMITED");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(await readdir(spool)).toHaveLength(4);

    for (const upload of [first, ...others, fourth]) finish(upload);
    const answers = await Promise.all([first, ...others, fourth].map((u) => u.response));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    const repeat = await duplicate;
    expect(repeat.status).toBe(202);
    expect(repeat.body.ticketId).toBe((answers[0]?.body as { ticketId: string }).ticketId);
    expect(server.sandbox.control.snapshot().tickets).toHaveLength(4);

    // Every upload left: the count is back, and the spool is empty.
    await expect.poll(() => readdir(spool)).toEqual([]);
    expect((await postTicket(server.url, bob, parts())).status).toBe(202);
  });
});
