import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, getTicket, postTicket } from "../../support/proxyHttp.ts";
import { startRedis, type TestRedis } from "../../support/startRedis.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";

// A proxy on Redis, and Redis going away under it: nothing is created that the proxy could
// not record, nothing hangs, and everything comes back by itself.
let redis: TestRedis;
let server: TestServer;
let db = 0;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.close());
afterEach(async () => {
  await server?.close();
  await redis.start(); // for the next test, whatever this one did
});

/** A proxy on its own Redis database; tickets stay PENDING until the test completes them. */
async function start(): Promise<TestServer> {
  db += 1;
  server = await startTestServer({
    env: { STORE_URL: `${redis.url}/${db}` },
    sandbox: { processingDelayMs: 10 * 60_000 },
  });
  return server;
}

describe("the proxy when Redis goes away", () => {
  it("when Redis is down, then sends get STORE_UNAVAILABLE, Ripio gets nothing, /readyz says why; when it is back, everything works again", async () => {
    const proxy = await start();
    const token = await proxy.tokenFor("cus_demo_alice");
    await redis.kill();
    expectApiError(await postTicket(proxy.url, token), "STORE_UNAVAILABLE");
    const ready = await call(proxy.url, "GET", "/readyz");
    expect(ready.status).toBe(503);
    expect(String(ready.body.reason)).toMatch(/^store: /);
    expect(proxy.sandbox.control.snapshot().tickets).toEqual([]);

    await redis.start();
    await expect
      .poll(async () => (await call(proxy.url, "GET", "/readyz")).status, { timeout: 15_000 })
      .toBe(200);
    const sent = await postTicket(proxy.url, token);
    expect(sent.status).toBe(202);
    expect((await getTicket(proxy.url, token, String(sent.body.ticketId))).status).toBe(200);
  });

  it("when Redis dies during a long poll, then the poll answers with what Ripio says instead of waiting out its time", async () => {
    const proxy = await start();
    const token = await proxy.tokenFor("cus_demo_alice");
    const ticketId = String((await postTicket(proxy.url, token)).body.ticketId);
    const started = Date.now();
    const poll = getTicket(proxy.url, token, ticketId, 20);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis.kill();
    const answer = await poll;
    expect(answer).toMatchObject({ status: 200, body: { ticketId, status: "PENDING" } });
    // Well before its 20 s: it did not wait for a store that is gone.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("when Redis dies while Ripio is creating the ticket, then the user still gets the 202, and the record lands once Redis is back", async () => {
    const proxy = await start();
    const token = await proxy.tokenFor("cus_demo_alice");
    proxy.sandbox.control.setScenario({ latencyMs: 1_500 });
    const key = { "idempotency-key": "during-outage" };
    const sending = postTicket(proxy.url, token, undefined, key);
    // The token request is answered after the store was checked: Create is on its way now.
    await expect
      .poll(() => proxy.sandbox.control.snapshot().requests.length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await redis.stop();
    const sent = await sending;
    expect(sent).toMatchObject({ status: 202, body: { status: "PENDING" } });
    const ticketId = String(sent.body.ticketId);
    proxy.sandbox.control.setScenario({ latencyMs: 0 });
    expectApiError(await getTicket(proxy.url, token, ticketId), "STORE_UNAVAILABLE");

    await redis.start();
    await expect
      .poll(async () => (await getTicket(proxy.url, token, ticketId)).status, { timeout: 15_000 })
      .toBe(200);
    // The key was settled too: the same key answers the same ticket, and Ripio has one.
    await expect
      .poll(async () => (await postTicket(proxy.url, token, undefined, key)).body.ticketId, {
        timeout: 15_000,
      })
      .toBe(ticketId);
    expect(proxy.sandbox.control.snapshot().tickets).toHaveLength(1);
  });
});
