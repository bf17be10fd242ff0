import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signCustomerToken } from "../server/protection/identity.ts";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "../server/sandbox/seeds.ts";
import { nodeWithTsx } from "../test/support/proxy/launches.ts";
import { killProxyProcesses, spawnProxy } from "../test/support/proxy/spawnProxy.ts";

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

/**
 * Kills every child still running (for process exit and signals): the signals go out before
 * this returns, so an "exit" handler need not await it.
 */
export function killAllChildren(): void {
  void killProxyProcesses();
}

/**
 * Starts `node --import tsx entry` through the tests' harness (test/support/proxy/spawnProxy.ts)
 * and resolves once it prints "listening on http://…/", which server/main.ts, bench/proxyMain.ts
 * and bench/sandboxMain.ts do once they serve.
 */
async function startNode(
  entry: string,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<ServiceProcess> {
  const child = await spawnProxy({
    launch: nodeWithTsx(entry, nodeArgs),
    env,
    startTimeoutMs: 30_000,
  });
  return {
    pid: child.pid,
    url: child.url,
    stop: async () => {
      await child.stop({ killAfterMs: 3000 });
    },
  };
}

/** Starts the Ripio sandbox alone in a child process. */
export async function startSandboxProcess(): Promise<ServiceProcess> {
  return startNode("bench/sandboxMain.ts", { BENCH_WEBHOOK_SECRET: BENCH_SECRETS.webhook });
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
export async function startBenchProxy(
  ripioBaseUrl?: string,
  variant: ProxyVariant = {},
): Promise<ServiceProcess> {
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
      HELP_IDENTITY_SECRET: BENCH_SECRETS.identity,
      ALLOWED_ORIGINS: "http://localhost",
      // The bench sends thousands of tickets as one customer from one address.
      RATE_LIMIT_TICKETS_PER_HOUR: "1000000",
      RATE_LIMIT_REQUESTS_PER_MINUTE: "1000000",
      LOG_LEVEL: "silent",
    },
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
    const proxy = await startBenchProxy(sandbox.url);
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
