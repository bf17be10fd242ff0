// What the store adds to one ticket, measured in this process without HTTP: the four store
// calls a small send makes (storeSend.ts), per engine. CPU time is this process's (the proxy's
// share; Redis's own work runs in redis-server), wall time includes the round trips.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../server/store/openStore.ts";
import type { TicketStore } from "../server/tickets/ticketStore.ts";
import { startRedis } from "../test/support/startRedis.ts";
import { result, type BenchResult } from "./benchResult.ts";
import { storeSend } from "./storeSend.ts";

const TICKETS = 3_000;

/** CPU µs and wall µs per ticket for the store calls of one send. */
async function perTicket(store: TicketStore): Promise<{ cpuUs: number; wallUs: number }> {
  const send = storeSend(store);
  for (let i = 0; i < 300; i += 1) await send(i); // warm up
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < TICKETS; i += 1) await send(i);
  const wallUs = ((performance.now() - started) * 1000) / TICKETS;
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / TICKETS, wallUs };
}

/** Store calls per ticket on memory, SQLite and Redis: CPU and wall µs. */
export async function measureStoreOps(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), "bench-store-ops-"));
  const redis = await startRedis();
  try {
    const engines = {
      memory: await openStore({ kind: "memory" }),
      sqlite: await openStore({ kind: "sqlite", path: join(dir, "ops.sqlite") }),
      redis: await openStore({ kind: "redis", url: redis.url }),
    };
    const figures: BenchResult[] = [];
    let memory: { cpuUs: number; wallUs: number } | null = null;
    for (const [name, store] of Object.entries(engines)) {
      const measured = await perTicket(store);
      memory ??= measured;
      figures.push(
        result(`store_ops_cpu_us_per_ticket_${name}`, measured.cpuUs, "µs", memory.cpuUs, null),
        result(`store_ops_wall_us_per_ticket_${name}`, measured.wallUs, "µs", memory.wallUs, null),
      );
      await store.close();
    }
    return figures;
  } finally {
    await redis.close();
    await rm(dir, { recursive: true, force: true });
  }
}
