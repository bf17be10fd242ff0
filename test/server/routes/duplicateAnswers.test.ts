import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API, MIB } from "../../../contract/index.ts";
import { pngBytes } from "../../support/files.ts";
import { multipart, ticketParts, type ProxyAnswer } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { openRawRequest } from "../support/rawHttp.ts";
import { startRawUpload } from "../support/rawUpload.ts";

// A duplicate is not a refused request: whatever its size, its whole body is read and the key's
// ticket reaches the client (README.md, "Logs"). Chromium's XHR is
// covered by test/e2e/duplicateSends.test.ts.
let server: TestServer;
let alice: string;
const BODY_WINDOW_MS = 1_500;
beforeAll(async () => {
  server = await startTestServer({ bodyWindowMs: BODY_WINDOW_MS });
});
afterAll(() => server.close());
beforeEach(async () => {
  server.sandbox.control.reset();
  alice = await server.tokenFor("cus_demo_alice");
});

const tickets = () => server.sandbox.control.snapshot().tickets;

/** 0, 8 or 45 MB of attachments (at most 25 MB a file). */
function bodyOf(megabytes: number): { contentType: string; body: Buffer } {
  const sizes = megabytes === 45 ? [23 * MIB, 22 * MIB] : megabytes === 0 ? [] : [megabytes * MIB];
  const files = sizes.map((size, i) => ({ name: `shot-${i}.png`, bytes: pngBytes(size) }));
  return multipart(ticketParts({ files }));
}

type Send = (body: { contentType: string; body: Buffer }, key: string) => Promise<ProxyAnswer>;

/** Node's own fetch (undici inside), as a Node integration would send. */
const sendWithFetch: Send = async ({ contentType, body }, key) => {
  const res = await fetch(`${server.url}${API.tickets}`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      [API.customerTokenHeader]: alice,
      [API.idempotencyKeyHeader]: key,
    },
    body: new Uint8Array(body),
  });
  return {
    status: res.status,
    headers: Object.fromEntries(res.headers),
    body: (await res.json()) as Record<string, unknown>,
  };
};

/**
 * A plain socket that writes the whole body, then reads the answer, as simple clients do —
 * and then asks `/healthz` on the same connection: only a server that read the body to its end
 * (rather than answering and cutting the rest off) can answer that.
 */
const sendRaw: Send = async ({ contentType, body }, key) => {
  const request = openRawRequest(server.url, "POST", API.tickets, {
    "Content-Type": contentType,
    "Content-Length": String(body.length),
    [API.customerTokenHeader]: alice,
    [API.idempotencyKeyHeader]: key,
  });
  await request.write(body);
  const answer = await request.answer;
  const next = new Promise<string>((resolve, reject) => {
    let text = "";
    request.socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      if (text.includes("\r\n\r\n")) resolve(text.split("\r\n")[0] ?? "");
    });
    void request.closed.then(() => reject(new Error("the connection was cut after the answer")));
  });
  await request.write(`GET /healthz HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\n\r\n`);
  expect(await next).toBe("HTTP/1.1 200 OK");
  request.socket.destroy();
  return answer;
};

describe("a duplicate send gets the key's ticket, whatever its size", { timeout: 120_000 }, () => {
  for (const [client, send] of [
    ["Node's fetch", sendWithFetch],
    ["a raw socket", sendRaw],
  ] as const) {
    for (const megabytes of [0, 8, 45]) {
      it(`when ${client} sends a ${megabytes} MB ticket three times with one key, then all three answer 202 with one ticketId and Ripio has one ticket`, async () => {
        const body = bodyOf(megabytes);
        const key = `dup-${client.replace(/\W/g, "")}-${megabytes}`;
        const answers = [await send(body, key), await send(body, key), await send(body, key)];
        expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
        const ids = new Set(answers.map((a) => a.body.ticketId));
        expect(ids.size).toBe(1);
        expect(tickets().map((t) => t.ticketId)).toEqual([...ids]);
      });
    }
  }

  it("when a duplicate arrives while the first 8 MB upload is still running, then both get the same ticket once the first ends", async () => {
    const body = bodyOf(8);
    const first = startRawUpload(server.url, alice, ticketParts(), {
      [API.idempotencyKeyHeader]: "k-wait",
    });
    // The first holds the key with its body half sent; the duplicate sends all of its own.
    first.req.write(first.body.subarray(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const duplicate = sendRaw(body, "k-wait");
    await new Promise((resolve) => setTimeout(resolve, 200));
    first.req.end(first.body.subarray(100));
    const [a, b] = await Promise.all([first.response, duplicate]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect((a.body as { ticketId: string }).ticketId).toBe(b.body.ticketId);
    expect(tickets()).toHaveLength(1);
  });

  it("when a duplicate waiting for the first attempt sends no body at all, then it is answered 408 and closed within the body deadline", async () => {
    const files = [{ name: "big.png", bytes: pngBytes(4 * MIB) }];
    const first = startRawUpload(server.url, alice, ticketParts({ files }), {
      [API.idempotencyKeyHeader]: "k-silent",
    });
    // The first keeps its body coming, slowly but above the floor, for longer than the window.
    let sent = 0;
    const keepSending = setInterval(() => {
      first.req.write(first.body.subarray(sent, sent + 1024));
      sent += 1024;
    }, 100);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { body } = bodyOf(0);
    const silent = openRawRequest(server.url, "POST", API.tickets, {
      "Content-Type": multipart([]).contentType,
      "Content-Length": String(body.length),
      [API.customerTokenHeader]: alice,
      [API.idempotencyKeyHeader]: "k-silent",
    });
    const answer = await silent.answer;
    await silent.closed;
    clearInterval(keepSending);
    expectApiError(answer, "REQUEST_TIMEOUT");
    first.req.destroy();
  });
});
