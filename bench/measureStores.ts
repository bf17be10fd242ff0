// The store's cost: submit throughput and status latency on memory, SQLite and Redis, and
// across two replicas on one Redis. Every proxy runs at once (idle ones cost nothing) and the
// loads take turns, five rounds of 3 s, so the machine's noise falls on all alike; the best
// round's req/s counts (noise only ever slows a run down), and the median CPU per ticket. Throughput on a shared machine says as
// much about the neighbours as about us, so the proxy's own CPU time per accepted ticket is
// measured too (/proc): its inverse is what one proxy process can accept per second of CPU,
// and the store's cost is compared on that.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Agent, request } from "undici";
import { API, ticketPath, type Ticket } from "../contract/index.ts";
import { startRedis } from "../test/support/startRedis.ts";
import { result, type BenchResult } from "./benchResult.ts";
import { median } from "./median.ts";
import {
  BENCH_CUSTOMER,
  BENCH_SECRETS,
  startProxyProcess,
  startSandboxProcess,
  type ServiceProcess,
} from "./processes.ts";
import { cpuTimeMs } from "./cpuTime.ts";
import { sandboxControl } from "./sandboxState.ts";
import { benchFile, expectAccepted, sendTicket, ticketBody } from "./sendTicket.ts";
import { signCustomerToken } from "../server/protection/identity.ts";
import { measureStoreOps } from "./measureStoreOps.ts";

const CLIENTS = 50;
const LOAD_MS = 3_000;
const ROUNDS = 5;
const LATENCY_TICKETS = 8;
/** The bound: a real store may cost at most 15 % of memory's submit throughput. */
const MIN_RATIO_VS_MEMORY = 0.85;

type Variant = "memory" | "sqlite" | "redis" | "redis_2replicas";

/** What one load run saw: accepted tickets per second, and the proxies' CPU ms per ticket. */
interface LoadRun {
  rps: number;
  cpuMsPerTicket: number;
}

/** 50 keep-alive clients sending small tickets for LOAD_MS, spread over `proxies`. */
async function load(proxies: readonly ServiceProcess[], token: string): Promise<LoadRun> {
  const urls = proxies.map((p) => p.url);
  const cpuBefore = proxies.reduce((sum, p) => sum + cpuTimeMs(p.pid), 0);
  const body = ticketBody("proxy", [benchFile("png", 4096)]);
  const bytes = Buffer.concat([...body.chunks()]);
  const agent = new Agent({ connections: CLIENTS, pipelining: 1 });
  let accepted = 0;
  const started = performance.now();
  const deadline = started + LOAD_MS;
  const client = async (i: number): Promise<void> => {
    const url = `${urls[i % urls.length]}${API.tickets}`;
    while (performance.now() < deadline) {
      const res = await request(url, {
        method: "POST",
        headers: { [API.customerTokenHeader]: token, ...body.headers },
        body: bytes,
        dispatcher: agent,
      }).catch(() => null);
      await res?.body.dump();
      if (res?.statusCode === 202) accepted += 1;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = proxies.reduce((sum, p) => sum + cpuTimeMs(p.pid), 0) - cpuBefore;
  await agent.close();
  return { rps: accepted / seconds, cpuMsPerTicket: cpu / Math.max(1, accepted) };
}

/** Webhook → long-poll answer, ms: the poll waits on `pollUrl`, Ripio's webhook goes to `hookUrl`. */
async function latency(
  sandboxUrl: string,
  hookUrl: string,
  pollUrl: string,
  token: string,
): Promise<number> {
  await sandboxControl(sandboxUrl, "POST", "/reset");
  await sandboxControl(sandboxUrl, "PATCH", "/scenario", { processingDelayMs: 3_600_000 });
  await sandboxControl(sandboxUrl, "POST", "/webhooks", { url: `${hookUrl}/webhooks/ripio` });
  const times: number[] = [];
  for (let i = 0; i < LATENCY_TICKETS; i += 1) {
    const target = { kind: "proxy", url: hookUrl, customerToken: token } as const;
    const sent = await sendTicket(target, [benchFile("png", 1024)]);
    expectAccepted(sent, "ticket for the store latency bench");
    const id = (sent.body as Ticket).ticketId;
    const poll = request(`${pollUrl}${ticketPath(id)}?wait=20`, {
      headers: { [API.customerTokenHeader]: token },
    }).then(async (res) => ((await res.body.json()) as Ticket).status);
    await sleep(300); // the poll is holding now
    const completedAt = performance.now();
    await sandboxControl(sandboxUrl, "POST", `/tickets/${encodeURIComponent(id)}/complete`, {
      outcome: "CREATED",
    });
    const status = await poll;
    if (status !== "CREATED") throw new Error(`long poll answered ${status}, not CREATED`);
    times.push(performance.now() - completedAt);
  }
  return median(times);
}

/** Submit throughput and status latency per store (see bench/README.md). */
export async function measureStores(): Promise<BenchResult[]> {
  const token = await signCustomerToken(BENCH_CUSTOMER, BENCH_SECRETS.identity, 3600);
  const dir = await mkdtemp(join(tmpdir(), "bench-stores-"));
  const sandbox = await startSandboxProcess();
  const redis = await startRedis();
  const processes: ServiceProcess[] = [];
  const start = async (store: string): Promise<ServiceProcess> => {
    const proxy = await startProxyProcess(sandbox.url, store);
    processes.push(proxy);
    return proxy;
  };
  try {
    const proxies: Record<Variant, ServiceProcess[]> = {
      memory: [await start("memory:")],
      sqlite: [await start(`sqlite:${join(dir, "help-proxy.sqlite")}`)],
      redis: [await start(`${redis.url}/1`)],
      redis_2replicas: [await start(`${redis.url}/2`), await start(`${redis.url}/2`)],
    };
    const variants = Object.keys(proxies) as Variant[];
    const rps = new Map<Variant, number>(variants.map((v) => [v, 0]));
    const cpu = new Map<Variant, number[]>(variants.map((v) => [v, []]));
    for (const variant of variants) await load(proxies[variant], token); // warm up: JIT, token
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const variant of variants) {
        await sandboxControl(sandbox.url, "POST", "/reset"); // every run meets an empty Ripio
        const run = await load(proxies[variant], token);
        rps.set(variant, Math.max(rps.get(variant) ?? 0, run.rps));
        cpu.get(variant)?.push(run.cpuMsPerTicket);
      }
    }
    const ms = new Map<Variant, number>();
    for (const variant of variants) {
      const [first, second = first] = proxies[variant];
      if (!first || !second) continue;
      ms.set(variant, await latency(sandbox.url, first.url, second.url, token));
    }
    const cpuMs = (variant: Variant): number => median(cpu.get(variant) ?? []);
    const figures: BenchResult[] = [];
    for (const variant of variants) {
      const reference = variant === "memory" ? null : (rps.get("memory") ?? null);
      const value = rps.get(variant) ?? 0;
      figures.push(result(`store_submit_rps_${variant}`, value, "req/s", reference, null));
    }
    for (const variant of variants) {
      const reference = variant === "memory" ? null : cpuMs("memory");
      const name = `store_submit_cpu_ms_${variant}`;
      figures.push(result(name, cpuMs(variant), "ms/ticket", reference, null));
    }
    for (const variant of ["sqlite", "redis"] as const) {
      // Tickets per CPU second against memory's: 1 = free, 0.85 = the bound.
      const ratio = cpuMs("memory") / cpuMs(variant);
      const name = `store_submit_capacity_${variant}_vs_memory`;
      figures.push(result(name, ratio, "×", 1, MIN_RATIO_VS_MEMORY, false));
    }
    for (const variant of variants) {
      const value = ms.get(variant) ?? null;
      const reference = variant === "memory" ? null : (ms.get("memory") ?? null);
      figures.push(result(`store_status_latency_ms_${variant}`, value, "ms", reference, null));
    }
    return [...figures, ...(await measureStoreOps())];
  } finally {
    for (const proxy of processes) await proxy.stop();
    await redis.close();
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
