import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIB, isPublicConfig } from "../../../contract/index.ts";
import { pngBytes } from "../../support/files.ts";
import { call, postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";

let server: TestServer;
let alice: string;
// The proxy's clock runs this far ahead of the real one; a test moves it to pass a backoff.
let aheadMs = 0;
beforeEach(async () => {
  aheadMs = 0;
  // A fresh proxy per test: its token cache starts empty, so token counts are exact.
  server = await startTestServer({
    upstreamTimeouts: { tokenMs: 1_000, retrieveMs: 1_000, createHeadersMs: 1_000 },
    now: () => Date.now() + aheadMs,
  });
  alice = await server.tokenFor("cus_demo_alice");
});
afterEach(() => server.close());

const snapshot = () => server.sandbox.control.snapshot();
const creates = () =>
  snapshot().requests.filter((r) => r.method === "POST" && r.path === "/api/v1/supportTickets/");

describe("the access token", () => {
  it("when 100 tickets are sent at once, then all are accepted with one token request", async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => postTicket(server.url, alice)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(202));
    expect(snapshot().tokenRequests).toBe(1);
    expect(snapshot().tickets).toHaveLength(100);
  });

  it("when the token expires between two tickets, then the second is retried with a fresh token unnoticed", async () => {
    expect((await postTicket(server.url, alice)).status).toBe(202);
    server.sandbox.control.expireTokens();
    const files = [{ name: "shot.png", bytes: pngBytes(2 * MIB) }];
    expect((await postTicket(server.url, alice, ticketParts({ files }))).status).toBe(202);
    expect(snapshot().tokenRequests).toBe(2);
    // The refused attempt carried the same files: the retry re-sent them from the spool.
    expect(creates().map((r) => r.status)).toEqual([202, 401, 202]);
    expect(snapshot().tickets[1]?.files.map((f) => f.size)).toEqual([2 * MIB]);
  });

  it("when the sandbox issues short-lived tokens, then the proxy refreshes before expiry instead of failing", async () => {
    server.sandbox.control.setScenario({ tokenLifetimeSeconds: 2 });
    expect((await postTicket(server.url, alice)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await postTicket(server.url, alice)).status).toBe(202);
    // Refreshed ahead of time: no Create was refused for an expired token.
    expect(creates().map((r) => r.status)).toEqual([202, 202]);
    expect(snapshot().tokenRequests).toBe(2);
  });

  it("when the token endpoint is down, then 503 UPSTREAM_UNAVAILABLE with Retry-After, and /readyz says 503", async () => {
    server.sandbox.control.addFault({ target: "token", mode: "status", status: 500, count: 2 });
    const sent = await postTicket(server.url, alice);
    expectApiError(sent, "UPSTREAM_UNAVAILABLE");
    expect(Number(sent.headers["retry-after"])).toBeGreaterThan(0);
    const ready = await call(server.url, "GET", "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ ok: false, error: { code: "UPSTREAM_UNAVAILABLE" } });
    aheadMs += 31_000; // past the longest backoff: the next call asks again
    expect((await call(server.url, "GET", "/readyz")).status).toBe(503);
    aheadMs += 31_000;
    expect((await call(server.url, "GET", "/readyz")).status).toBe(200);
    expect(snapshot().tokenRequests).toBe(3);
  });

  it("when 50 /readyz calls come during a token outage, then at most 3 token requests are made, Retry-After honoured", async () => {
    server.sandbox.control.addFault({
      target: "token",
      mode: "status",
      status: 503,
      retryAfterSeconds: 20,
      count: 10_000,
    });
    const readyz = () => call(server.url, "GET", "/readyz");
    const answers = [];
    for (let i = 0; i < 25; i += 1) answers.push(await readyz());
    answers.push(...(await Promise.all(Array.from({ length: 25 }, readyz))));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(503));
    expect(answers[49]?.body).toMatchObject({ error: { code: "UPSTREAM_UNAVAILABLE" } });
    expect(snapshot().tokenRequests).toBe(1);
    aheadMs += 10_000; // within Ripio's Retry-After: still answered from memory
    expectApiError(await postTicket(server.url, alice), "UPSTREAM_UNAVAILABLE");
    expect(snapshot().tokenRequests).toBe(1);
    aheadMs += 11_000;
    expect((await readyz()).status).toBe(503);
    expect(snapshot().tokenRequests).toBe(2);
    server.sandbox.control.reset(); // Ripio is back
    aheadMs += 21_000;
    expect((await readyz()).status).toBe(200);
    expect(server.sandbox.control.snapshot().tokenRequests).toBe(1);
  });

  it("when the token endpoint hangs, then the ticket gets 503 UPSTREAM_UNAVAILABLE after the token timeout", async () => {
    server.sandbox.control.addFault({ target: "token", mode: "hang" });
    expectApiError(await postTicket(server.url, alice), "UPSTREAM_UNAVAILABLE");
  });

  it("when Ripio refuses the client credentials, then UPSTREAM_ERROR (an operator problem, not a retry)", async () => {
    server.sandbox.control.addFault({ target: "token", mode: "status", status: 401 });
    expectApiError(await postTicket(server.url, alice), "UPSTREAM_ERROR");
  });
});

describe("Create Support Ticket failures", () => {
  it("when Ripio answers 5xx, then 503 UPSTREAM_UNAVAILABLE with Retry-After", async () => {
    server.sandbox.control.addFault({ target: "tickets", mode: "status", status: 502 });
    const sent = await postTicket(server.url, alice);
    expectApiError(sent, "UPSTREAM_UNAVAILABLE");
    expect(sent.headers["retry-after"]).toBeDefined();
  });

  it("when Ripio rate limits us (429 Retry-After: 7), then 503 UPSTREAM_UNAVAILABLE passes the 7 s on", async () => {
    server.sandbox.control.addFault({
      target: "tickets",
      mode: "status",
      status: 429,
      retryAfterSeconds: 7,
    });
    const sent = await postTicket(server.url, alice);
    expectApiError(sent, "UPSTREAM_UNAVAILABLE");
    expect(sent.headers["retry-after"]).toBe("7");
  });

  it("when Ripio hangs, then 503 UPSTREAM_UNAVAILABLE after the timeout", async () => {
    server.sandbox.control.addFault({ target: "tickets", mode: "hang" });
    expectApiError(await postTicket(server.url, alice), "UPSTREAM_UNAVAILABLE");
  });

  it("when Ripio drops the connection, then 503 UPSTREAM_UNAVAILABLE and the next ticket goes through", async () => {
    server.sandbox.control.addFault({ target: "tickets", mode: "drop" });
    const files = [{ name: "shot.png", bytes: pngBytes(MIB) }];
    expectApiError(
      await postTicket(server.url, alice, ticketParts({ files })),
      "UPSTREAM_UNAVAILABLE",
    );
    expect((await postTicket(server.url, alice, ticketParts({ files }))).status).toBe(202);
  });

  it("when Ripio answers 403/40001 (its own 'not authenticated'), then the token is renewed and the call retried once", async () => {
    server.sandbox.control.addFault({ target: "tickets", mode: "status", status: 403 });
    // The sandbox's injected 403 carries code 40300 (a 4xxxx auth code), not 20061.
    expect((await postTicket(server.url, alice)).status).toBe(202);
    expect(snapshot().tokenRequests).toBe(2);
  });
});

describe("GET /api/config", () => {
  it("when tickets are on, then the contract's limits, extensions, locales and ticketsEnabled true", async () => {
    const config = await call(server.url, "GET", "/api/config", {
      headers: { "x-customer-token": alice },
    });
    expect(config.status).toBe(200);
    expect(isPublicConfig(config.body)).toBe(true);
    expect(config.body).toMatchObject({
      ticketsEnabled: true,
      locales: ["en", "es", "pt"],
      limits: { maxFiles: 5, maxFileBytes: 26_214_400, maxTotalBytes: 52_428_800 },
    });
  });

  it("when tickets are off for the account, then ticketsEnabled is false", async () => {
    server.sandbox.control.setScenario({ ticketsEnabled: false });
    const config = await call(server.url, "GET", "/api/config", {
      headers: { "x-customer-token": alice },
    });
    expect(config.body).toMatchObject({ ticketsEnabled: false });
  });
});
