import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFuzz } from "../../support/fuzzProxy.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";

// Seeded: the same 300 requests every run. `npm run bench -- fuzz` runs 10,000 of another seed.
const SEED = 20261204;
const CASES = 300;

let server: TestServer;
let spoolDir: string;
beforeAll(async () => {
  spoolDir = await mkdtemp(join(tmpdir(), "fuzz-spool-"));
  // A short body window, so the cases whose body stalls end in well under a second.
  server = await startTestServer({ tmpDir: spoolDir, bodyWindowMs: 300 });
});
afterAll(async () => {
  await server.close();
  await rm(spoolDir, { recursive: true, force: true });
});

describe("the proxy's parser under random and damaged multipart bodies", () => {
  it("when 300 seeded bodies are sent, then no 5xx, no hang, valid ones accepted, broken ones refused, nothing broken at Ripio, no spool file left", async () => {
    const report = await runFuzz(
      { url: server.url, tokenFor: server.tokenFor, control: server.sandbox.control, spoolDir },
      { seed: SEED, count: CASES, concurrency: 4, guardMs: 10_000 },
    );
    expect(report.problems).toEqual([]);
    expect(report.spoolFilesLeft).toBe(0);
    // The run covered what it claims: accepted tickets, refusals, stalls and damage.
    expect(report.accepted).toBeGreaterThan(50);
    expect(report.ticketsAtRipio).toBe(report.accepted);
    expect(Object.keys(report.labels)).toEqual(
      expect.arrayContaining(["valid", "rule", "damage", "stall", "chunked"]),
    );
  }, 120_000);
});
