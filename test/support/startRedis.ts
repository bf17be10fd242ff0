import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./freePort.ts";

/** Debian's redis-server (`.ci/run` installs it). */
export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";

/** A redis-server of a test's own: a free loopback port, its data in a temporary folder. */
export interface TestRedis {
  url: string;
  port: number;
  /** The running redis-server's process id (null while stopped), for CPU readings. */
  readonly pid: number | null;
  /** Stops it (SIGTERM: it writes its append-only file first); start() brings it back. */
  stop(): Promise<void>;
  /** kill -9: what a crash or a pulled cable looks like to the proxy. */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

/** Spawns redis-server and resolves once it accepts connections. */
async function spawnRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--appendonly",
      "yes",
      "--save",
      "",
      "--protected-mode",
      "no",
      "--daemonize",
      "no",
      "--logfile",
      "",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  child.stdout?.removeAllListeners("data");
  child.stderr?.removeAllListeners("data");
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

async function stopChild(child: ChildProcess | null, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill(signal);
  await exited;
}

/** Starts a fresh redis-server for one test file; close it in afterAll. */
export async function startRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), "test-redis-"));
  let port = 0;
  let child: ChildProcess | null = null;
  // The port was free a moment ago; another process may take it first, so try a few.
  for (let attempt = 0; child === null; attempt += 1) {
    port = await freePort();
    try {
      child = await spawnRedis(port, dir);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid ?? null;
    },
    stop: async () => {
      await stopChild(child, "SIGTERM");
      child = null;
    },
    kill: async () => {
      await stopChild(child, "SIGKILL");
      child = null;
    },
    start: async () => {
      if (child === null) child = await spawnRedis(port, dir);
    },
    close: async () => {
      await stopChild(child, "SIGTERM");
      child = null;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
