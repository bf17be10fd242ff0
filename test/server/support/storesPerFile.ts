import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startRedis, type TestRedis } from "../../support/startRedis.ts";

/** The three stores a file's tests run on, for `describe.each(Object.entries(stores))`. */
export interface StoresPerFile {
  /** Each call gives data of its own: memory, a new SQLite file, the next of Redis's 16 databases. */
  readonly stores: Readonly<Record<"memory" | "SQLite" | "Redis", () => string>>;
  /** The file's scratch folder (the SQLite files are in it), for the tests' own files too. */
  dir(): string;
}

/**
 * A redis-server and a scratch folder (named `prefix`…) for the calling file, started before
 * its tests and removed after them.
 */
export function storesPerFile(prefix: string): StoresPerFile {
  let redis: TestRedis | null = null;
  let dir: string | null = null;
  let redisDb = 0;
  const folder = (): string => {
    if (dir === null) throw new Error("The stores exist only inside the file's tests.");
    return dir;
  };
  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await redis?.close();
    if (dir !== null) await rm(dir, { recursive: true, force: true });
    redis = null;
    dir = null;
  });
  return {
    stores: {
      memory: () => "memory:",
      SQLite: () => `sqlite:${join(folder(), `${Math.random().toString(36).slice(2)}.sqlite`)}`,
      Redis: () => {
        if (!redis) throw new Error("The stores exist only inside the file's tests.");
        redisDb += 1;
        return `${redis.url}/${redisDb}`;
      },
    },
    dir: folder,
  };
}
