import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createClient } from "redis";
import { afterEach, describe, expect, it } from "vitest";
import { API, MIB } from "../../../contract/index.ts";
import { STORE_TTL } from "../../../server/store/storeDefaults.ts";
import { pngBytes } from "../../support/files.ts";
import { postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { killProxyProcesses, type ProxyProcess } from "../../support/proxy/spawnProxy.ts";
import { startProxyProcess } from "../../support/proxy/startProxyProcess.ts";
import { startRawUpload } from "../support/rawUpload.ts";
import { replicaStagePerFile } from "../support/replicaStage.ts";

// A proxy killed (-9) in the middle of an upload holds its Idempotency-Key's claim in the store.
// The user's retry, after a restart, must not wait long for that dead claim
// (README.md, "State, restarts and several replicas").
const stage = replicaStagePerFile();
let dir: string;
afterEach(async () => {
  await killProxyProcesses();
  await rm(dir, { recursive: true, force: true });
  stage.ripio.control.reset();
});

const files = [{ name: "big.png", bytes: pngBytes(8 * MIB) }];
const key = { [API.idempotencyKeyHeader]: "crash-key" };

/** Starts an upload with the key on `proxy`, sends 3 MB of it, and kills the proxy (-9). */
async function killMidUpload(proxy: ProxyProcess): Promise<void> {
  const upload = startRawUpload(proxy.url, stage.alice, ticketParts({ files }), key);
  upload.req.write(upload.body.subarray(0, 3 * MIB));
  // The claim is taken before a byte is read; 3 MB arriving means it is held.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await proxy.kill();
  await upload.closed;
}

// Child processes start slowly on a busy machine: room beyond the project's 30 s.
describe("a retry after the proxy died mid-upload", { timeout: 120_000 }, () => {
  it("when the proxy restarts on its SQLite file, then the dead claim is released at start and the retry makes the one ticket", async () => {
    dir = await mkdtemp(join(tmpdir(), "crash-sqlite-"));
    const path = join(dir, "help-proxy.sqlite");
    const storeUrl = `sqlite:${path}`;
    await killMidUpload(await startProxyProcess({ ripioUrl: stage.ripio.url, storeUrl }));
    const running = (): number => {
      const db = new Database(path, { readonly: true });
      try {
        const sql = "SELECT COUNT(*) FROM idempotency WHERE entry LIKE 'R|%'";
        return db.prepare<[], number>(sql).pluck().get() ?? 0;
      } finally {
        db.close();
      }
    };
    expect(running()).toBe(1);

    const restarted = await startProxyProcess({ ripioUrl: stage.ripio.url, storeUrl });
    expect(running()).toBe(0);
    const retry = await postTicket(restarted.url, stage.alice, ticketParts({ files }), key);
    expect(retry.status).toBe(202);
    expect(stage.ripio.control.snapshot().tickets.map((t) => t.ticketId)).toEqual([
      retry.body.ticketId,
    ]);
  });

  it("when the proxy restarts on Redis, then the dead claim lapses within the short claim time and the retry makes the one ticket", async () => {
    dir = await mkdtemp(join(tmpdir(), "crash-redis-"));
    const storeUrl = `${stage.redis.url}/3`;
    await killMidUpload(await startProxyProcess({ ripioUrl: stage.ripio.url, storeUrl }));
    const client = createClient({ url: storeUrl });
    await client.connect();
    try {
      const [claimKey] = await client.keys("help-proxy:i:*");
      expect(claimKey).toBeDefined();
      // Nothing renews it any more: it is gone within runningMs of the last heartbeat.
      const ttl = await client.pTTL(claimKey ?? "");
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(STORE_TTL.runningMs);
      expect(STORE_TTL.runningMs).toBeLessThanOrEqual(10_000);
    } finally {
      await client.quit();
    }
    const restarted = await startProxyProcess({ ripioUrl: stage.ripio.url, storeUrl });
    const retry = await postTicket(restarted.url, stage.alice, ticketParts({ files }), key);
    expect(retry.status).toBe(202);
    expect(stage.ripio.control.snapshot().tickets.map((t) => t.ticketId)).toEqual([
      retry.body.ticketId,
    ]);
  });
});
