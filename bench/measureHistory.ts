// What customers' lists cost, per store engine, in this process without HTTP: the latency of
// the first page of a list of 1,000 tickets, and the CPU keeping the list adds to a submit's
// store calls (the same four calls as measureStoreOps.ts, with and without the listing).
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../server/store/openStore.ts";
import type { TicketListing } from "../server/tickets/ticketHistory.ts";
import type { TicketStore } from "../server/tickets/ticketStore.ts";
import { startRedis } from "../test/support/startRedis.ts";
import { result, type BenchResult } from "./benchResult.ts";
import { storeSend } from "./storeSend.ts";

const LISTED = 1_000;
const READS = 500;
const SENDS = 2_000;
/** The issue's target: keeping history costs a submit at most 5 % of its CPU. */
const MAX_SHARE = 0.05;

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** p50 and p99 (µs) of reading the first page (20 rows) of a customer with 1,000 tickets. */
async function listLatency(store: TicketStore): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < LISTED; i += 1) {
    const ticket = { ticketId: randomUUID(), status: "PENDING", issueKey: null } as const;
    await store.recordTicket(ticket, "cus_many", { summary: `Ticket ${i}`, attachmentCount: 1 });
  }
  for (let i = 0; i < 50; i += 1) await store.listTickets("cus_many", { limit: 20 }); // warm up
  const times: number[] = [];
  for (let i = 0; i < READS; i += 1) {
    const started = performance.now();
    const page = await store.listTickets("cus_many", { limit: 20 });
    times.push((performance.now() - started) * 1000);
    if (page.tickets.length !== 20) throw new Error("the bench's list came back short");
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

/** CPU µs per ticket of a send's store calls, with the listing or without. */
async function sendCpu(store: TicketStore, listing: TicketListing | undefined): Promise<number> {
  const send = storeSend(store, listing);
  for (let i = 0; i < 300; i += 1) await send(i);
  const cpu = process.cpuUsage();
  for (let i = 0; i < SENDS; i += 1) await send(i);
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / SENDS;
}

/** A submit's whole proxy CPU (ms) per engine, from the store bench's last recorded run. */
function submitCpuMs(engine: string): number | null {
  const file = join(import.meta.dirname, "results.json");
  if (!existsSync(file)) return null;
  const recorded = JSON.parse(readFileSync(file, "utf8")) as { name: string; value: number }[];
  return recorded.find((r) => r.name === `store_submit_cpu_ms_${engine}`)?.value ?? null;
}

/** The list's latency and the submit's extra CPU on memory, SQLite and Redis. */
export async function measureHistory(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), "bench-history-"));
  const redis = await startRedis();
  const figures: BenchResult[] = [];
  try {
    const open = {
      memory: () => openStore({ kind: "memory" }),
      sqlite: () => openStore({ kind: "sqlite", path: join(dir, `${randomUUID()}.sqlite`) }),
      redis: () => openStore({ kind: "redis", url: redis.url }),
    };
    let memoryP50: number | null = null;
    for (const [name, opening] of Object.entries(open)) {
      const store = await opening();
      const { p50, p99 } = await listLatency(store);
      memoryP50 ??= p50;
      figures.push(
        result(`history_list_p50_us_${name}`, p50, "µs", memoryP50, null),
        result(`history_list_p99_us_${name}`, p99, "µs", memoryP50, null),
      );
      const without = await sendCpu(store, undefined);
      const withList = await sendCpu(store, {
        summary: "The export does nothing",
        attachmentCount: 2,
      });
      const extraUs = Math.max(0, withList - without);
      const submitMs = submitCpuMs(name);
      figures.push(
        result(`history_submit_extra_cpu_us_${name}`, extraUs, "µs", without, null),
        result(
          `history_submit_cpu_share_${name}`,
          submitMs === null ? null : extraUs / 1000 / submitMs,
          "share",
          submitMs === null ? null : 1,
          MAX_SHARE,
        ),
      );
      await store.close();
    }
    return figures;
  } finally {
    await redis.close();
    await rm(dir, { recursive: true, force: true });
  }
}
