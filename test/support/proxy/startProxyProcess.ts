import { MAIN } from "./launches.ts";
import { sandboxAsRipio } from "./sandboxAsRipio.ts";
import { ProxyExitedError, spawnProxy, type ProxyProcess } from "./spawnProxy.ts";

/** The identity secret every proxy process of the tests shares (a host backend's, in real life). */
export const PROCESS_IDENTITY_SECRET = "replica-tests-identity-secret-0123456789";

/** What a replica or restart test chooses; the rest is server/main.ts's default. */
export interface ProxyProcessOptions {
  /** The sandbox the test runs as Ripio. */
  ripioUrl: string;
  /** The store; unset, the embedded default (./data under `cwd`). */
  storeUrl?: string;
  /** 0 (default) = any. */
  port?: number;
  cwd?: string;
  /** Overrides of the environment below. */
  env?: Record<string, string>;
  /** Run as this user and group (the test runs as root and wants a service user's limits). */
  uid?: number;
  gid?: number;
}

/**
 * Starts the proxy as `npm start` runs it, `server/main.ts` in a process of its own, in real
 * mode against `ripioUrl`, and resolves once it listens. Rejects with its output if it exits
 * first; killProxyProcesses() (spawnProxy.ts) ends whatever a test left.
 */
export function startProxyProcess(options: ProxyProcessOptions): Promise<ProxyProcess> {
  return spawnProxy({
    launch: MAIN,
    env: {
      ...sandboxAsRipio(options.ripioUrl),
      HELP_IDENTITY_SECRET: PROCESS_IDENTITY_SECRET,
      ALLOWED_ORIGINS: "http://127.0.0.1",
      PORT: String(options.port ?? 0),
      LOG_LEVEL: "warn",
      ...(options.storeUrl === undefined ? {} : { STORE_URL: options.storeUrl }),
      ...options.env,
    },
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
}

/** Runs `server/main.ts` expecting it not to start; resolves its exit code and output. */
export async function failedStart(
  options: ProxyProcessOptions,
): Promise<{ code: number | null; output: string }> {
  try {
    const proxy = await startProxyProcess(options);
    await proxy.stop();
    return { code: 0, output: proxy.output() };
  } catch (error) {
    if (error instanceof ProxyExitedError) return { code: error.code, output: error.message };
    throw error;
  }
}
