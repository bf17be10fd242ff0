import { afterEach, describe, expect, it } from "vitest";
import { call } from "../../support/proxyHttp.ts";
import { startNginx, type TestNginx } from "../../support/startNginx.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";

// Issue 20, items 4 and 8: the per-IP limit and /metrics behind a real nginx on this host.
const METRICS_TOKEN = "scraper-bearer-0123456789";
const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const running of started.splice(0).reverse()) await running.close();
});

async function behindNginx(env: Record<string, string>): Promise<{
  proxy: TestServer;
  nginx: TestNginx;
}> {
  const proxy = await startTestServer({ env: { METRICS_TOKEN, ...env } });
  started.push(proxy);
  const nginx = await startNginx([new URL(proxy.url).host]);
  started.push(nginx);
  return { proxy, nginx };
}

describe("TRUST_PROXY behind nginx", () => {
  it("when clients forge X-Forwarded-For through nginx with TRUST_PROXY=1, then the per-IP limit still counts the one real address", async () => {
    const { proxy, nginx } = await behindNginx({
      TRUST_PROXY: "1",
      RATE_LIMIT_REQUESTS_PER_MINUTE: "5",
    });
    const token = await proxy.tokenFor("cus_demo_alice");
    const answers = [];
    for (let i = 0; i < 20; i += 1) {
      answers.push(
        await call(nginx.url, "GET", "/api/config", {
          headers: { "x-customer-token": token, "x-forwarded-for": `203.0.113.${i}` },
        }),
      );
    }
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    for (const refused of answers.slice(5)) expectApiError(refused, "RATE_LIMITED");
  });

  it("when TRUST_PROXY is set, then /metrics needs METRICS_TOKEN even from a loopback socket", async () => {
    const { proxy, nginx } = await behindNginx({ TRUST_PROXY: "1" });
    const bearer = { authorization: `Bearer ${METRICS_TOKEN}` };
    // A plain proxy_pass without forwarding headers looks exactly like a local scraper.
    expect((await call(proxy.url, "GET", "/metrics")).status).toBe(404);
    expect((await call(nginx.url, "GET", "/metrics")).status).toBe(404);
    expect((await call(proxy.url, "GET", "/metrics", { headers: bearer })).status).toBe(200);
    expect((await call(nginx.url, "GET", "/metrics", { headers: bearer })).status).toBe(200);
  });
});
