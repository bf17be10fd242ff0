import { networkInterfaces } from "node:os";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { call, getTicket, multipart, postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";

const TOKEN = "scraper-bearer-0123456789";

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

/** `GET /metrics` from `base` (loopback unless told otherwise), with optional headers. */
async function scrape(base: string, headers: Record<string, string> = {}) {
  const res = await request(`${base}/metrics`, { headers });
  return { status: res.statusCode, type: res.headers["content-type"], text: await res.body.text() };
}

/** The value of one sample line, e.g. `name{label="x"}`; null when absent. */
function sample(text: string, series: string): number | null {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe("GET /metrics", () => {
  it("when traffic went through, then Prometheus text has the process defaults and each series counts it", async () => {
    const server = await start();
    const alice = await server.tokenFor("cus_demo_alice");
    const sent = await postTicket(server.url, alice);
    expect(sent.status).toBe(202);
    expect((await postTicket(server.url, alice, ticketParts({ summary: " " }))).status).toBe(400);
    expect((await postTicket(server.url, null)).status).toBe(401);
    const ticketId = String(sent.body.ticketId);
    const poll = getTicket(server.url, alice, ticketId, 10);
    server.sandbox.control.completeTicket(ticketId, "CREATED");
    expect((await poll).body).toMatchObject({ status: "CREATED" });

    // The proxy runs in this process: its CPU total since start is at least this much.
    const cpuBefore = process.cpuUsage();
    const { status, type, text } = await scrape(server.url);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, 'help_proxy_ticket_submissions_total{code="ACCEPTED"}')).toBe(1);
    expect(sample(text, 'help_proxy_ticket_submissions_total{code="SUMMARY_REQUIRED"}')).toBe(1);
    expect(sample(text, 'help_proxy_ticket_submissions_total{code="IDENTITY_REQUIRED"}')).toBe(1);
    const upstream = "help_proxy_upstream_request_duration_seconds_count";
    expect(sample(text, `${upstream}{operation="token",outcome="200"}`)).toBe(1);
    expect(sample(text, `${upstream}{operation="create",outcome="202"}`)).toBe(1);
    expect(sample(text, 'help_proxy_webhook_events_total{result="applied"}')).toBe(1);
    expect(sample(text, "help_proxy_status_wait_seconds_count")).toBe(1);
    expect(text).toMatch(/^# TYPE help_proxy_status_wait_seconds histogram$/m);
    expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThanOrEqual(
      cpuBefore.user / 1e6,
    );
    expect(sample(text, "process_cpu_seconds_total")).toBeGreaterThanOrEqual(
      (cpuBefore.user + cpuBefore.system) / 1e6,
    );
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it("when a ticket is posted to /API/TICKETS/ (routes match any case and a trailing slash), then it is counted", async () => {
    const server = await start();
    const { contentType, body } = multipart(ticketParts());
    const token = await server.tokenFor("cus_demo_alice");
    const headers = { "content-type": contentType, "x-customer-token": token };
    expect((await call(server.url, "POST", "/API/TICKETS", { headers, body })).status).toBe(202);
    expect((await call(server.url, "POST", "/Api/Tickets/", { headers, body })).status).toBe(202);
    const { text } = await scrape(server.url);
    expect(sample(text, 'help_proxy_ticket_submissions_total{code="ACCEPTED"}')).toBe(2);
    expect(server.sandbox.control.snapshot().tickets).toHaveLength(2);
  });

  it("when Ripio's token endpoint hangs past its timeout, then the outcome is timeout", async () => {
    const server = await start({ upstreamTimeouts: { tokenMs: 300 } });
    server.sandbox.control.addFault({ target: "token", mode: "hang" });
    const sent = await postTicket(server.url, await server.tokenFor("cus_demo_alice"));
    expect(sent.status).toBe(503);
    const { text } = await scrape(server.url);
    const line =
      'help_proxy_upstream_request_duration_seconds_count{operation="token",outcome="timeout"}';
    expect(sample(text, line)).toBe(1);
    expect(sample(text, 'help_proxy_ticket_submissions_total{code="UPSTREAM_UNAVAILABLE"}')).toBe(
      1,
    );
  });

  it("when two proxies run in one process, then each registry counts only its own traffic", async () => {
    const first = await start();
    const second = await start();
    expect((await postTicket(first.url, await first.tokenFor("cus_demo_alice"))).status).toBe(202);
    expect(
      sample(
        (await scrape(first.url)).text,
        'help_proxy_ticket_submissions_total{code="ACCEPTED"}',
      ),
    ).toBe(1);
    expect(
      sample(
        (await scrape(second.url)).text,
        'help_proxy_ticket_submissions_total{code="ACCEPTED"}',
      ),
    ).toBeNull();
  });

  it("when the caller is not on loopback or comes through a reverse proxy, then 404 unless it shows METRICS_TOKEN", async () => {
    const server = await start({ env: { HOST: "0.0.0.0", METRICS_TOKEN: TOKEN } });
    const port = new URL(server.url).port;
    const loopback = `http://127.0.0.1:${port}`;
    const forwarded = { "x-forwarded-for": "203.0.113.9" };
    expect((await scrape(loopback, forwarded)).status).toBe(404);
    expect((await scrape(loopback, { ...forwarded, authorization: "Bearer wrong" })).status).toBe(
      404,
    );
    expect(
      (await scrape(loopback, { ...forwarded, authorization: `Bearer ${TOKEN}` })).status,
    ).toBe(200);

    const outside = Object.values(networkInterfaces())
      .flat()
      .find((net) => net?.family === "IPv4" && !net.internal);
    if (outside) {
      const remote = `http://${outside.address}:${port}`;
      expect((await scrape(remote)).status).toBe(404);
      expect((await scrape(remote, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    }
    // Not behind the identity header either way, and never in the /api error shape.
    expect((await call(loopback, "GET", "/metrics")).status).toBe(200);
  });
});
