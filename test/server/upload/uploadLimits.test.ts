import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { Readable } from "node:stream";
import { request } from "undici";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MIB, TICKET_LIMITS } from "../../../contract/index.ts";
import { pngBytes } from "../../support/files.ts";
import { multipart, postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { sha256 } from "../../support/sandboxFiles.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { startRawUpload } from "../support/rawUpload.ts";

const CREATE_PATH = "/api/v1/supportTickets/";
// Built once: 25 MiB buffers are cheap to send on loopback but not to rebuild per test.
const exactlyMax = pngBytes(TICKET_LIMITS.maxFileBytes);
const oneOver = pngBytes(TICKET_LIMITS.maxFileBytes + 1);

let server: TestServer;
let alice: string;
let tmpDir: string;
beforeAll(async () => {
  tmpDir = await mkdtemp(join(tmpdir(), "proxy-uploads-"));
  server = await startTestServer({ tmpDir, bodyWindowMs: 600 });
});
afterAll(async () => {
  await server.close();
  await rm(tmpDir, { recursive: true, force: true });
});
beforeEach(async () => {
  server.sandbox.control.reset();
  alice = await server.tokenFor("cus_demo_alice");
});
afterEach(async () => {
  // Whatever the outcome, no upload leaves anything behind.
  await expect.poll(() => readdir(tmpDir)).toEqual([]);
});

const forwardedCreates = () =>
  server.sandbox.control
    .snapshot()
    .requests.filter((r) => r.method === "POST" && r.path === CREATE_PATH);

describe("upload sizes", () => {
  it("when a file is exactly 25 MB, then it is accepted and arrives intact", async () => {
    const sent = await postTicket(
      server.url,
      alice,
      ticketParts({ files: [{ name: "max.png", bytes: exactlyMax }] }),
    );
    expect(sent.status).toBe(202);
    expect(server.sandbox.control.snapshot().tickets[0]?.files).toEqual([
      {
        name: "max.png",
        size: TICKET_LIMITS.maxFileBytes,
        sha256: sha256(exactlyMax),
        contentType: "image/png",
      },
    ]);
  });

  it("when a file is 25 MB + 1 byte, then the client reads 413 FILE_TOO_LARGE and nothing is forwarded", async () => {
    const sent = await postTicket(
      server.url,
      alice,
      ticketParts({ files: [{ name: "over.png", bytes: oneOver }] }),
    );
    expectApiError(sent, "FILE_TOO_LARGE", "attachments");
    expect(forwardedCreates()).toEqual([]);
  });

  it("when the files add up to more than 50 MB, then ATTACHMENTS_TOO_LARGE while streaming and nothing is forwarded", async () => {
    // Small enough by Content-Length, so the streaming count is what refuses it.
    const files = [
      { name: "a.png", bytes: exactlyMax },
      { name: "b.png", bytes: exactlyMax },
      { name: "c.png", bytes: pngBytes(64) },
    ];
    const sent = await postTicket(server.url, alice, ticketParts({ files }));
    expectApiError(sent, "ATTACHMENTS_TOO_LARGE", "attachments");
    expect(forwardedCreates()).toEqual([]);
  });

  it("when Content-Length is over the limit, then 413 comes before the body is sent", async () => {
    const upload = startRawUpload(
      server.url,
      alice,
      ticketParts({ files: [{ name: "x.png", bytes: pngBytes(64) }] }),
      {
        "content-length": String(TICKET_LIMITS.maxTotalBytes + 2 * MIB),
      },
    );
    const answer = await upload.response;
    upload.req.destroy();
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: { code: "ATTACHMENTS_TOO_LARGE" } });
  });

  it("when a client asks 100-continue for a body over the limit, then it gets 413 and is never asked for the body", async () => {
    const upload = startRawUpload(server.url, alice, ticketParts(), {
      "content-length": String(TICKET_LIMITS.maxTotalBytes + 2 * MIB),
      expect: "100-continue",
    });
    const answer = await upload.response;
    expect({ status: answer.status, sawContinue: answer.sawContinue }).toEqual({
      status: 413,
      sawContinue: false,
    });
    await upload.closed;
  });
});

describe("bodies without a Content-Length", () => {
  it("when a chunked body streams past the limit in parts the proxy ignores, then 413 and nothing is forwarded", async () => {
    const junk = [1, 2, 3].map((i) => ({
      name: "junk",
      fileName: `j${i}.bin`,
      bytes: pngBytes(20 * MIB),
    }));
    const { contentType, body } = multipart([...ticketParts(), ...junk]);
    const res = await request(`${server.url}/api/tickets`, {
      method: "POST",
      headers: { "content-type": contentType, "x-customer-token": alice },
      body: Readable.from([body]), // a stream of unknown length: sent chunked
    });
    expect(res.statusCode).toBe(413);
    expect(await res.body.json()).toMatchObject({ error: { code: "ATTACHMENTS_TOO_LARGE" } });
    expect(forwardedCreates()).toEqual([]);
  });
});

describe("uploads that do not finish", () => {
  it("when the client aborts mid-upload, then no ticket is made and the temporary files are removed", async () => {
    const upload = startRawUpload(
      server.url,
      alice,
      ticketParts({ files: [{ name: "big.png", bytes: exactlyMax }] }),
    );
    upload.req.write(upload.body.subarray(0, 8 * MIB));
    // Spooling has begun: the spool folder holds the partial file.
    await expect.poll(async () => (await readdir(tmpDir)).length).toBe(1);
    upload.req.destroy();
    await upload.closed;
    await expect.poll(() => readdir(tmpDir)).toEqual([]);
    expect(server.sandbox.control.snapshot().tickets).toEqual([]);
    expect(forwardedCreates()).toEqual([]);
  });

  it("when the client stops sending mid-upload, then the proxy answers 408 and cuts it off", async () => {
    const upload = startRawUpload(
      server.url,
      alice,
      ticketParts({ files: [{ name: "big.png", bytes: pngBytes(4 * MIB) }] }),
    );
    upload.req.write(upload.body.subarray(0, MIB));
    // The body window is 600 ms in this file.
    expect(await upload.response).toMatchObject({
      status: 408,
      body: { error: { code: "REQUEST_TIMEOUT" } },
    });
    await upload.closed;
    expect(forwardedCreates()).toEqual([]);
  });
});
