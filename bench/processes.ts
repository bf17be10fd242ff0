import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { signCustomerToken } from "../server/protection/identity.ts";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "../server/sandbox/seeds.ts";
import { freePort } from "../test/support/freePort.ts";

/** A child process serving HTTP on loopback. */
export interface ServiceProcess {
  /** The node process itself, not a wrapper: what RSS is read from. */
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/** The sandbox and a real-mode proxy pointing at it, each in its own process. */
export interface RealStack {
  sandbox: ServiceProcess;
  proxy: ServiceProcess;
  /** A customer token for cus_demo_alice, as a host backend would sign it. */
  customerToken: string;
  stop(): Promise<void>;
}

/** Secrets shared by the bench, its sandbox and its proxy (any ≥ 32 characters will do). */
export const BENCH_SECRETS = {
  webhook: "bench-webhook-secret-0123456789abcdef",
  identity: "bench-identity-secret-0123456789abcdef",
} as const;

/** The customer every bench ticket belongs to (a seeded sandbox customer with an email). */
export const BENCH_CUSTOMER = "cus_demo_alice";

const running = new Set<ChildProcess>();

/** Kills every child still running, at once (for process exit and signals). */
export function killAllChildren(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

/** Starts `node --import tsx entry` and waits until `url + readyPath` answers 200. */
async function startNode(
  entry: string,
  env: Record<string, string>,
  url: string,
  readyPath: string,
  nodeArgs: readonly string[] = [],
): Promise<ServiceProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // An inherited RIPIO_BASE_URL would switch a sandbox-mode proxy to real mode.
  if (!("RIPIO_BASE_URL" in env)) delete childEnv.RIPIO_BASE_URL;
  if (!("STORE_URL" in env)) delete childEnv.STORE_URL;
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", entry], {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const late = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(late);
    }
    running.delete(child);
  };

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(url + readyPath).then(
      (res) => (void res.body?.cancel(), res.ok),
      () => false,
    );
    if (ok) return { pid: child.pid ?? -1, url, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(`${entry} did not start (exit ${child.exitCode}):\n${output}`);
}

/** Starts the Ripio sandbox alone in a child process. */
export async function startSandboxProcess(): Promise<ServiceProcess> {
  const port = await freePort();
  return startNode(
    "bench/sandboxMain.ts",
    { BENCH_SANDBOX_PORT: String(port), BENCH_WEBHOOK_SECRET: BENCH_SECRETS.webhook },
    `http://127.0.0.1:${port}`,
    "/__sandbox/state",
  );
}

/** What may differ between bench proxies; everything else is server/main.ts's default. */
export interface ProxyVariant {
  /** The store; unset in real mode, the embedded default (an SQLite file) in a temp folder. */
  storeUrl?: string;
  /** Metrics on or off (the metrics family's two proxies differ in nothing else). */
  metrics?: boolean;
  /** Another build than dist/ to serve (the script tag on React, bench/buildReactVariant.ts). */
  staticDir?: string;
  /** Extra node flags (the store family's CPU profile). */
  nodeArgs?: readonly string[];
}

/**
 * Starts the proxy (`server/main.ts`; `bench/proxyMain.ts` when metrics or the static folder
 * are set): real mode with `ripioBaseUrl`, else sandbox mode. An SQLite store the bench makes
 * is kept in a temporary folder removed at stop rather than in the repository's ./data.
 */
export async function startProxyProcess(
  ripioBaseUrl?: string,
  variant: ProxyVariant = {},
): Promise<ServiceProcess> {
  const port = await freePort();
  const { storeUrl, metrics, staticDir } = variant;
  const dataDir = ripioBaseUrl && !storeUrl ? mkdtempSync(join(tmpdir(), "bench-store-")) : null;
  const store = storeUrl ?? (dataDir ? `sqlite:${join(dataDir, "help-proxy.sqlite")}` : null);
  const upstream: Record<string, string> = ripioBaseUrl
    ? {
        RIPIO_BASE_URL: ripioBaseUrl,
        RIPIO_CLIENT_ID: SANDBOX_CLIENT_ID,
        RIPIO_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
        RIPIO_WEBHOOK_SECRET: BENCH_SECRETS.webhook,
      }
    : {};
  const proxy = await startNode(
    metrics === undefined && staticDir === undefined ? "server/main.ts" : "bench/proxyMain.ts",
    {
      ...upstream,
      ...(store ? { STORE_URL: store } : {}),
      ...(metrics === undefined ? {} : { BENCH_METRICS: metrics ? "on" : "off" }),
      ...(staticDir === undefined ? {} : { BENCH_STATIC_DIR: staticDir }),
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      HELP_IDENTITY_SECRET: BENCH_SECRETS.identity,
      ALLOWED_ORIGINS: "http://localhost",
      // The bench sends thousands of tickets as one customer from one address.
      RATE_LIMIT_TICKETS_PER_HOUR: "1000000",
      RATE_LIMIT_REQUESTS_PER_MINUTE: "1000000",
      LOG_LEVEL: "silent",
    },
    `http://127.0.0.1:${port}`,
    "/healthz",
    variant.nodeArgs ?? [],
  ).catch((error: unknown) => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  if (!dataDir) return proxy;
  return {
    ...proxy,
    stop: async () => {
      await proxy.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts a sandbox, then a real-mode proxy in front of it. */
export async function startRealStack(): Promise<RealStack> {
  const sandbox = await startSandboxProcess();
  try {
    const proxy = await startProxyProcess(sandbox.url);
    const customerToken = await signCustomerToken(BENCH_CUSTOMER, BENCH_SECRETS.identity, 3600);
    return {
      sandbox,
      proxy,
      customerToken,
      stop: async () => {
        await proxy.stop();
        await sandbox.stop();
      },
    };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}
