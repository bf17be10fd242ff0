// `npm run bench -- fuzz`: 10,000 seeded multipart requests (test/support/fuzzMultipart.ts) sent
// over raw sockets at a sandbox-mode proxy in this process, each judged as the parser fuzz test
// judges its 300 (test/support/fuzzProxy.ts). Every figure's target is 0 but the throughput.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFuzz } from "../test/support/fuzzProxy.ts";
import { startTestServer } from "../test/support/startTestServer.ts";
import { result, type BenchResult } from "./benchResult.ts";

const SEED = 4_242;
const CASES = 10_000;
const BODY_WINDOW_MS = 300;

/** Runs the fuzz cases and gives the counts the bench table shows; the findings are printed. */
export async function measureParserFuzz(): Promise<BenchResult[]> {
  const spoolDir = await mkdtemp(join(tmpdir(), "bench-fuzz-spool-"));
  const server = await startTestServer({ tmpDir: spoolDir, bodyWindowMs: BODY_WINDOW_MS });
  const started = performance.now();
  try {
    const report = await runFuzz(
      { url: server.url, tokenFor: server.tokenFor, control: server.sandbox.control, spoolDir },
      { seed: SEED, count: CASES, concurrency: 8, guardMs: 10_000, batch: 500 },
    );
    const seconds = (performance.now() - started) / 1000;
    const count = (prefix: string): number =>
      report.problems.filter((line) => line.includes(prefix)).length;
    console.log(`\nfuzz: seed ${SEED}, ${CASES} cases in ${seconds.toFixed(1)} s`);
    console.log(`  answers by status: ${JSON.stringify(report.statuses)}`);
    console.log(`  cases by family: ${JSON.stringify(report.labels)}`);
    for (const line of report.problems.slice(0, 20)) console.log(`  PROBLEM ${line}`);
    const fivexx = Object.entries(report.statuses)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, n]) => sum + n, 0);
    return [
      result("fuzz_cases", CASES, "cases", null, null),
      result("fuzz_problems", report.problems.length, "cases", null, 0),
      result("fuzz_5xx_answers", fivexx, "cases", null, 0),
      result("fuzz_hangs", report.statuses.hung ?? 0, "cases", null, 0),
      result("fuzz_broken_accepted", count("ticket was accepted"), "cases", null, 0),
      result("fuzz_valid_refused", count("valid ticket was refused"), "cases", null, 0),
      result("fuzz_spool_files_left", report.spoolFilesLeft, "files", null, 0),
      result("fuzz_accepted", report.accepted, "tickets", null, null),
      result("fuzz_slowest_case_ms", report.slowestMs, "ms", BODY_WINDOW_MS, null),
      result("fuzz_cases_per_s", CASES / seconds, "cases/s", null, null, false),
    ];
  } finally {
    await server.close();
    await rm(spoolDir, { recursive: true, force: true });
  }
}
