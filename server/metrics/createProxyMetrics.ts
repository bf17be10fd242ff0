import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The calls the proxy makes to Ripio. */
export type UpstreamOperation = "token" | "create" | "retrieve";

/** What became of a webhook event. */
export type WebhookResult =
  | "applied"
  | "unchanged"
  | "ignored"
  | "invalid_signature"
  | "malformed"
  | "refused"
  | "unreadable"
  | "store_unavailable";

/** What the proxy counts and times; every method is cheap and never throws. */
export interface ProxyMetrics {
  /** An answered `POST /api/tickets`: `ACCEPTED`, or the error code it was answered with. */
  ticketSubmission(code: string): void;
  /** One HTTP exchange with Ripio: its answer's status, or `timeout` / `network_error`. */
  upstreamRequest(operation: UpstreamOperation, outcome: string, seconds: number): void;
  webhookEvent(result: WebhookResult): void;
  /** How long a `?wait=N` long poll held its answer. */
  statusWait(seconds: number): void;
}

/** ProxyMetrics with their Prometheus registry, for `GET /metrics`. */
export interface PrometheusMetrics extends ProxyMetrics {
  /** The text exposition (process defaults first scraped now), with its content type. */
  render(): Promise<{ contentType: string; text: string }>;
}

/** Metrics switched off: the bench's "off" side, or an embedder that wants none. */
export const NO_METRICS: ProxyMetrics = {
  ticketSubmission: () => undefined,
  upstreamRequest: () => undefined,
  webhookEvent: () => undefined,
  statusWait: () => undefined,
};

/**
 * prom-client counts the process's CPU from the moment its defaults start (here, the first
 * scrape); its `process_cpu_*_seconds_total` are to be the totals since the process started,
 * as Prometheus's own clients report them. This adds what was spent before.
 */
function countCpuSince(registry: Registry, before: NodeJS.CpuUsage): void {
  const add = (name: string, micros: number): void => {
    const counter = registry.getSingleMetric(name);
    if (counter instanceof Counter) counter.inc(micros / 1e6);
  };
  add("process_cpu_user_seconds_total", before.user);
  add("process_cpu_system_seconds_total", before.system);
  add("process_cpu_seconds_total", before.user + before.system);
}

/**
 * A registry of the proxy's own series (docs/architecture.md, "Logs and metrics") plus prom-client's
 * process defaults, per app — never prom-client's global registry, so two apps in one process
 * (tests) keep apart. The process defaults start at the first scrape: each set runs an event
 * loop monitor and a GC observer for good, a cost an app that is never scraped should not pay
 * (the CPU counters still count from the process's start; see countCpuSince).
 */
export function createProxyMetrics(): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  const submissions = new Counter({
    name: "help_proxy_ticket_submissions_total",
    help: "Answered POST /api/tickets, by code: ACCEPTED or the error code.",
    labelNames: ["code"] as const,
    registers,
  });
  const upstream = new Histogram({
    name: "help_proxy_upstream_request_duration_seconds",
    help: "Requests to Ripio, by operation (token, create, retrieve) and outcome (HTTP status, timeout, network_error).",
    labelNames: ["operation", "outcome"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const webhooks = new Counter({
    name: "help_proxy_webhook_events_total",
    help: "Ripio webhook events, by result: applied, unchanged, ignored, invalid_signature, malformed, refused, unreadable, store_unavailable.",
    labelNames: ["result"] as const,
    registers,
  });
  const waits = new Histogram({
    name: "help_proxy_status_wait_seconds",
    help: "How long status long polls (?wait=N) held their answer.",
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 15, 20, 25, 30],
    registers,
  });
  let defaults = false;
  return {
    ticketSubmission: (code) => submissions.inc({ code }),
    upstreamRequest: (operation, outcome, seconds) =>
      upstream.observe({ operation, outcome }, seconds),
    webhookEvent: (result) => webhooks.inc({ result }),
    statusWait: (seconds) => waits.observe(seconds),
    async render() {
      if (!defaults) {
        defaults = true;
        const cpuSoFar = process.cpuUsage();
        collectDefaultMetrics({ register: registry });
        countCpuSince(registry, cpuSoFar);
      }
      return { contentType: registry.contentType, text: await registry.metrics() };
    },
  };
}
