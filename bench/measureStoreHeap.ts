// `npm run bench -- heap`: what the memory store keeps in the heap per ticket, measured in a
// child process with --expose-gc (bench/storeHeapMain.ts) after a full collection. The soak's
// RSS growth on the memory engine is this times the tickets kept, plus what V8 does not give
// back; SQLite and Redis keep these records outside the process.
import { spawnSync } from "node:child_process";
import { result, type BenchResult } from "./benchResult.ts";

export function measureStoreHeap(): BenchResult[] {
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "bench/storeHeapMain.ts"],
    { encoding: "utf8", timeout: 120_000 },
  );
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  if (run.status !== 0 || !line.startsWith("{")) {
    throw new Error(`bench/storeHeapMain.ts failed (${run.status}):\n${run.stderr}`);
  }
  const { bytesPerTicket } = JSON.parse(line) as { bytesPerTicket: number };
  return [result("store_heap_bytes_per_ticket_memory", bytesPerTicket, "B", null, null)];
}
