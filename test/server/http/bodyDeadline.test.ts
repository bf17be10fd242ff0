import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API, MIB } from "../../../contract/index.ts";
import { pngBytes } from "../../support/files.ts";
import { multipart, ticketParts } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { openRawRequest, trickle } from "../support/rawHttp.ts";

// The rule is 1 KiB per window; a 2 s window keeps the tests short and its floor at 0.5 KiB/s.
const WINDOW_MS = 2_000;

let server: TestServer;
let alice: string;
let tmpDir: string;
beforeAll(async () => {
  tmpDir = await mkdtemp(join(tmpdir(), "proxy-deadline-"));
  server = await startTestServer({ tmpDir, bodyWindowMs: WINDOW_MS });
});
afterAll(async () => {
  await server.close();
  await rm(tmpDir, { recursive: true, force: true });
});
beforeEach(async () => {
  server.sandbox.control.reset();
  alice = await server.tokenFor("cus_demo_alice");
});

/** Headers of a ticket upload of `body`, as a browser sends them. */
function uploadHeaders(contentType: string, length: number, token: string) {
  return {
    "Content-Type": contentType,
    "Content-Length": String(length),
    [API.customerTokenHeader]: token,
  };
}

describe("a body that stalls", () => {
  it("when an upload trickles a byte every 300 ms, then it is answered 408 REQUEST_TIMEOUT, the connection is closed and nothing is left", async () => {
    const { contentType, body } = multipart(
      ticketParts({ files: [{ name: "shot.png", bytes: pngBytes(64 * 1024) }] }),
    );
    const raw = openRawRequest(server.url, "POST", API.tickets, {
      ...uploadHeaders(contentType, body.length, alice),
    });
    await raw.write(body.subarray(0, 512));
    void trickle(raw, body.subarray(512), 1, 300);
    expectApiError(await raw.answer, "REQUEST_TIMEOUT");
    await raw.closed;
    expect(server.sandbox.control.snapshot().tickets).toEqual([]);
    await expect.poll(() => readdir(tmpDir)).toEqual([]);
  });

  it("when a JSON body stops halfway, then it is answered 408 too (every route with a body)", async () => {
    const raw = openRawRequest(server.url, "POST", "/demo/identity", {
      "Content-Type": "application/json",
      "Content-Length": "200",
    });
    await raw.write('{"customerId":');
    expectApiError(await raw.answer, "REQUEST_TIMEOUT");
    await raw.closed;
  });
});

describe("a phone on a slow uplink", () => {
  it("when an upload keeps coming at 2 KiB/s for several windows, then it is not cut and the ticket is made", async () => {
    const { contentType, body } = multipart(
      ticketParts({ files: [{ name: "shot.png", bytes: pngBytes(10 * 1024) }] }),
    );
    const raw = openRawRequest(server.url, "POST", API.tickets, {
      ...uploadHeaders(contentType, body.length, alice),
    });
    // 512 bytes every 250 ms: about 6 s in all, three windows.
    expect(await trickle(raw, body, 512, 250)).toBe(body.length);
    const answer = await raw.answer;
    expect(answer).toMatchObject({ status: 202, body: { status: "PENDING" } });
    expect(server.sandbox.control.snapshot().tickets).toHaveLength(1);
    raw.socket.destroy();
  });
});

describe("a refused request", () => {
  it("when an upload is refused before it is read (401) and the client trickles on, then it reads the 401 and the connection is closed", async () => {
    const { contentType, body } = multipart(
      ticketParts({ files: [{ name: "shot.png", bytes: pngBytes(MIB) }] }),
    );
    const raw = openRawRequest(server.url, "POST", API.tickets, {
      ...uploadHeaders(contentType, body.length, "not.a.token"),
    });
    await raw.write(body.subarray(0, 256));
    expectApiError(await raw.answer, "IDENTITY_INVALID");
    // One byte a second would hold the socket for 12 days; the drain lets it go after 5 s.
    void trickle(raw, body.subarray(256), 1, 1000);
    await raw.closed;
  });

  it("when a refused client keeps sending fast, then the connection is closed after about 1 MiB, not the whole body", async () => {
    const { contentType, body } = multipart(
      ticketParts({ files: [{ name: "shot.png", bytes: pngBytes(20 * MIB) }] }),
    );
    const raw = openRawRequest(server.url, "POST", API.tickets, {
      ...uploadHeaders(contentType, body.length, "not.a.token"),
    });
    expectApiError(await raw.answer, "IDENTITY_INVALID");
    const sent = await trickle(raw, body, 64 * 1024, 0);
    await raw.closed;
    expect(sent).toBeLessThan(body.length);
  });
});
