import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../server/config.ts";
import { signCustomerToken } from "../../../server/protection/identity.ts";
import { startServer } from "../../../server/startServer.ts";
import { pngBytes } from "../../support/files.ts";
import { call, postTicket, ticketParts } from "../../support/proxyHttp.ts";
import {
  startTestServer,
  TEST_PAGE_ORIGIN,
  type TestServer,
} from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";

let server: TestServer;
// Everything a test started, closed after it whatever happened.
const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const running of started.splice(0)) await running.close();
});
async function start(options?: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  server = await startTestServer(options);
  started.push(server);
  return server;
}

const preflight = (origin: string) =>
  call(server.url, "OPTIONS", "/api/tickets", {
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "x-customer-token, idempotency-key",
    },
  });

describe("CORS and the Origin check", () => {
  it("when an allowed origin preflights, then 204 with that origin, the headers, methods and max-age", async () => {
    server = await start();
    const answer = await preflight(TEST_PAGE_ORIGIN);
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      "access-control-allow-origin": TEST_PAGE_ORIGIN,
      "access-control-allow-methods": "GET, POST, DELETE",
      "access-control-allow-headers": "X-Customer-Token, Idempotency-Key, Content-Type",
      "access-control-max-age": "600",
    });
    expect(String(answer.headers.vary)).toMatch(/Origin/);
  });

  it("when another origin preflights or posts, then 403 ORIGIN_NOT_ALLOWED and nothing is created", async () => {
    server = await start();
    const token = await server.tokenFor("cus_demo_alice");
    expectApiError(await preflight("https://evil.example"), "ORIGIN_NOT_ALLOWED");
    expectApiError(
      await postTicket(server.url, token, undefined, { origin: "https://evil.example" }),
      "ORIGIN_NOT_ALLOWED",
    );
    expectApiError(
      await postTicket(server.url, token, undefined, { origin: "null" }),
      "ORIGIN_NOT_ALLOWED",
    );
    expect(server.sandbox.control.snapshot().tickets).toEqual([]);
  });

  it("when the proxy's own origin or no origin calls, then it passes (identity still required)", async () => {
    server = await start();
    const token = await server.tokenFor("cus_demo_alice");
    const own = await postTicket(server.url, token, undefined, { origin: server.url });
    expect(own.status).toBe(202);
    expect(own.headers["access-control-allow-origin"]).toBe(server.url);
    expect((await postTicket(server.url, token)).status).toBe(202);
    expectApiError(await postTicket(server.url, null), "IDENTITY_REQUIRED");
  });

  it("when an allowed Origin carries a path, then Access-Control-Allow-Origin is the normalized origin", async () => {
    server = await start();
    const token = await server.tokenFor("cus_demo_alice");
    const answer = await postTicket(server.url, token, undefined, {
      origin: `${TEST_PAGE_ORIGIN}/checkout?step=2`,
    });
    expect(answer.status).toBe(202);
    expect(answer.headers["access-control-allow-origin"]).toBe(TEST_PAGE_ORIGIN);
    const upper = await preflight("HTTP://LOCALHOST:3000");
    expect(upper.headers["access-control-allow-origin"]).toBe(TEST_PAGE_ORIGIN);
  });

  it("when TRUST_PROXY is set, then the own origin comes from X-Forwarded-Proto/-Host", async () => {
    server = await start({ env: { TRUST_PROXY: "loopback" } });
    const token = await server.tokenFor("cus_demo_alice");
    const forwarded = {
      origin: "https://help.example.com",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "help.example.com",
    };
    expect((await postTicket(server.url, token, undefined, forwarded)).status).toBe(202);
  });
});

describe("rate limits", () => {
  it("when one IP goes over RATE_LIMIT_REQUESTS_PER_MINUTE, then 429 RATE_LIMITED with Retry-After", async () => {
    server = await start({ env: { RATE_LIMIT_REQUESTS_PER_MINUTE: "3" } });
    const token = await server.tokenFor("cus_demo_alice");
    const ask = () =>
      call(server.url, "GET", "/api/config", { headers: { "x-customer-token": token } });
    const answers = [await ask(), await ask(), await ask(), await ask()];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expectApiError(answers[3]!, "RATE_LIMITED");
    expect(Number(answers[3]!.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(answers[3]!.headers["retry-after"])).toBeLessThanOrEqual(60);
  });

  it("when a customer goes over RATE_LIMIT_TICKETS_PER_HOUR, then 429; other customers and repeats are unaffected", async () => {
    server = await start({ env: { RATE_LIMIT_TICKETS_PER_HOUR: "2" } });
    const alice = await server.tokenFor("cus_demo_alice");
    const bob = await server.tokenFor("cus_demo_bob");
    const key = { "idempotency-key": "alice-1" };
    expect((await postTicket(server.url, alice, undefined, key)).status).toBe(202);
    expect((await postTicket(server.url, alice)).status).toBe(202);
    const third = await postTicket(server.url, alice);
    expectApiError(third, "RATE_LIMITED");
    expect(Number(third.headers["retry-after"])).toBeGreaterThan(3000);
    // A refused or repeated ticket is not counted against anyone.
    expect((await postTicket(server.url, alice, undefined, key)).status).toBe(202);
    expect((await postTicket(server.url, bob)).status).toBe(202);
    expect(server.sandbox.control.snapshot().tickets).toHaveLength(3);
  });
});

describe("headers and logs", () => {
  it("when any answer is sent, then it carries helmet's headers and a request id (a sane incoming one is kept)", async () => {
    server = await start();
    const answer = await call(server.url, "GET", "/healthz", {
      headers: { "x-request-id": "lb-1234" },
    });
    expect(answer.body).toEqual({ ok: true });
    expect(answer.headers).toMatchObject({
      "x-request-id": "lb-1234",
      "x-content-type-options": "nosniff",
      "content-security-policy": expect.stringContaining("script-src 'self'"),
    });
    const odd = await call(server.url, "GET", "/healthz", {
      headers: { "x-request-id": "bad id\twith spaces" },
    });
    expect(odd.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("logs", () => {
  it("when tickets go through (with a token refresh), then the logs have request ids but no token, secret or file bytes", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "trace" }, { write: (line: string) => void lines.push(line) });
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", ALLOWED_ORIGINS: TEST_PAGE_ORIGIN });
    const proxy = await startServer(config, { logger, sandboxOptions: { processingDelayMs: 50 } });
    started.push(proxy);
    const token = await signCustomerToken("cus_demo_alice", config.identitySecret, 600);
    const secretBytes = "SECRET-FILE-CONTENT-1234";
    const files = [
      { name: "shot.png", bytes: Buffer.concat([pngBytes(16), Buffer.from(secretBytes)]) },
    ];
    expect((await postTicket(proxy.url, token, ticketParts({ files }))).status).toBe(202);
    proxy.sandbox?.control.expireTokens();
    expect((await postTicket(proxy.url, token, ticketParts({ files }))).status).toBe(202);
    expectApiError(await postTicket(proxy.url, "forged.token.x"), "IDENTITY_INVALID");

    const all = lines.join("\n");
    expect(all).toContain('"requestId"');
    expect(all).toContain('"errorCode":"IDENTITY_INVALID"');
    for (const secret of [
      token,
      config.identitySecret,
      "sandbox-secret",
      "Bearer ",
      "Basic ",
      secretBytes,
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
