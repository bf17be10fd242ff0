// The soak (`npm run bench -- soak`): 20,000 tickets, each followed by its long poll until
// CREATED, through one proxy per store engine (memory, SQLite, Redis), 64 clients at once. The
// proxy's RSS and event-loop delay are read from its own /metrics (prom-client's defaults:
// `process_resident_memory_bytes`, and `nodejs_eventloop_lag_p99_seconds` from perf_hooks'
// monitorEventLoopDelay, whose histogram is reset at each scrape) at 5,000 and at 20,000
// tickets. Targets: RSS grows ≤ 10 % between the two; p99 event-loop delay ≤ 50 ms over each
// stretch. Each engine is bounded in time: past SOAK_ENGINE_MS the run stops, and its "20k"
// figures are read where it stopped (`soak_<engine>_tickets` says how far it got).
import { setTimeout as sleep } from "node:timers/promises";
import { Agent, request } from "undici";
import { API, isTerminal, ticketPath, type Ticket } from "../contract/index.ts";
import { startRedis } from "../test/support/startRedis.ts";
import { result, type BenchResult } from "./benchResult.ts";
import {
  BENCH_CUSTOMER,
  BENCH_SECRETS,
  startBenchProxy,
  startSandboxProcess,
  type ServiceProcess,
} from "./processes.ts";
import { sandboxControl } from "./sandboxState.ts";
import { benchFile, ticketBody } from "./sendTicket.ts";
import { signCustomerToken } from "../server/protection/identity.ts";

const TICKETS = 20_000;
const FIRST_MARK = 5_000;
const CLIENTS = 64;
/** Ripio's processing time: the long poll holds until its webhook says CREATED. */
const PROCESSING_MS = 100;
/** Per engine: the whole soak stays under 13 minutes, however busy the machine. */
const SOAK_ENGINE_MS = 4 * 60_000;
const RSS_GROWTH_TARGET = 1.1;
const LOOP_P99_TARGET_MS = 50;

/** What the proxy's /metrics says about itself. */
interface ProcessReading {
  rssMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

async function readMetrics(proxy: ServiceProcess): Promise<ProcessReading> {
  const res = await request(`${proxy.url}/metrics`);
  const text = await res.body.text();
  const value = (name: string): number => {
    const line = text.split("\n").find((l) => l.startsWith(`${name} `));
    if (!line) throw new Error(`/metrics has no ${name}`);
    return Number(line.slice(name.length + 1));
  };
  return {
    rssMb: value("process_resident_memory_bytes") / (1024 * 1024),
    loopP99Ms: value("nodejs_eventloop_lag_p99_seconds") * 1000,
    loopMaxMs: value("nodejs_eventloop_lag_max_seconds") * 1000,
  };
}

/** One engine's run: readings at the first mark and at the end (`tickets` says how far it got). */
interface SoakRun {
  atFirst: ProcessReading | null;
  atEnd: ProcessReading | null;
  tickets: number;
  seconds: number;
  failed: number;
}

async function soak(proxy: ServiceProcess, token: string): Promise<SoakRun> {
  await readMetrics(proxy); // the first scrape starts prom-client's monitors
  const body = ticketBody("proxy", [benchFile("png", 2048)]);
  const bytes = Buffer.concat([...body.chunks()]);
  const agent = new Agent({ connections: CLIENTS * 2, pipelining: 1, connectTimeout: 60_000 });
  const headers = { [API.customerTokenHeader]: token };
  const started = performance.now();
  const deadline = started + SOAK_ENGINE_MS;
  let next = 0;
  let done = 0;
  let failed = 0;
  let atFirst: Promise<ProcessReading> | null = null;

  async function follow(ticketId: string): Promise<void> {
    for (;;) {
      const res = await request(`${proxy.url}${ticketPath(ticketId)}?wait=20`, {
        headers,
        dispatcher: agent,
      });
      const ticket = (await res.body.json()) as Ticket;
      if (res.statusCode !== 200 || isTerminal(ticket.status)) return;
    }
  }
  async function one(): Promise<boolean> {
    const res = await request(`${proxy.url}${API.tickets}`, {
      method: "POST",
      headers: { ...headers, ...body.headers },
      body: bytes,
      dispatcher: agent,
    });
    const answer = (await res.body.json()) as Ticket;
    if (res.statusCode !== 202) return false;
    await follow(answer.ticketId);
    return true;
  }
  async function client(): Promise<void> {
    while (next < TICKETS && performance.now() < deadline) {
      next += 1;
      // A refused or dropped exchange is counted, not fatal: the soak goes on.
      if (!(await one().catch(() => false))) failed += 1;
      done += 1;
      if (done === FIRST_MARK) atFirst = readMetrics(proxy);
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, () => client()));
  const seconds = (performance.now() - started) / 1000;
  const atEnd = done > FIRST_MARK ? await readMetrics(proxy) : null;
  await agent.close();
  return { atFirst: atFirst ? await atFirst : null, atEnd, tickets: done, seconds, failed };
}

/** The soak on each engine, one after the other, each with a fresh sandbox and proxy. */
export async function measureSoak(): Promise<BenchResult[]> {
  const token = await signCustomerToken(BENCH_CUSTOMER, BENCH_SECRETS.identity, 3600);
  const redis = await startRedis();
  const figures: BenchResult[] = [];
  try {
    for (const [engine, storeUrl] of [
      ["memory", "memory:"],
      ["sqlite", undefined],
      ["redis", `${redis.url}/5`],
    ] as const) {
      const sandbox = await startSandboxProcess();
      const proxy = await startBenchProxy(sandbox.url, storeUrl ? { storeUrl } : {});
      try {
        await sandboxControl(sandbox.url, "PATCH", "/scenario", {
          processingDelayMs: PROCESSING_MS,
        });
        await sandboxControl(sandbox.url, "POST", "/webhooks", {
          url: `${proxy.url}/webhooks/ripio`,
        });
        await sleep(200);
        const run = await soak(proxy, token);
        const { atFirst, atEnd } = run;
        const growth = atFirst && atEnd ? atEnd.rssMb / atFirst.rssMb : null;
        figures.push(
          result(`soak_${engine}_tickets`, run.tickets, "tickets", TICKETS, TICKETS, false),
          result(`soak_${engine}_failed`, run.failed, "req", null, 0),
          result(`soak_${engine}_seconds`, run.seconds, "s", null, null),
          result(`soak_${engine}_rss_mb_5k`, atFirst?.rssMb ?? null, "MB", null, null),
          result(
            `soak_${engine}_rss_mb_20k`,
            atEnd?.rssMb ?? null,
            "MB",
            atFirst?.rssMb ?? null,
            null,
          ),
          result(`soak_${engine}_rss_growth_ratio`, growth, "×", 1, RSS_GROWTH_TARGET),
          result(
            `soak_${engine}_loop_p99_ms_5k`,
            atFirst?.loopP99Ms ?? null,
            "ms",
            LOOP_P99_TARGET_MS,
            LOOP_P99_TARGET_MS,
          ),
          result(
            `soak_${engine}_loop_p99_ms_20k`,
            atEnd?.loopP99Ms ?? null,
            "ms",
            LOOP_P99_TARGET_MS,
            LOOP_P99_TARGET_MS,
          ),
          result(`soak_${engine}_loop_max_ms_20k`, atEnd?.loopMaxMs ?? null, "ms", null, null),
        );
      } finally {
        await proxy.stop();
        await sandbox.stop();
      }
    }
  } finally {
    await redis.close();
  }
  return figures;
}
