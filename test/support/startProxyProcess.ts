import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_WEBHOOK_SECRET,
} from "../../server/sandbox/seeds.ts";

/** The identity secret every proxy process of the tests shares (a host backend's, in real life). */
export const PROCESS_IDENTITY_SECRET = "replica-tests-identity-secret-0123456789";

/** A proxy running as `npm start` runs it: `server/main.ts` in a process of its own. */
export interface ProxyProcess {
  url: string;
  port: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then waits for the exit (its drain). */
  stop(): Promise<number | null>;
  /** kill -9: no drain, no cleanup. */
  kill(): Promise<void>;
}

const MAIN = resolve("server/main.ts");
// By URL, so that a process started in another folder (the default ./data) still finds tsx.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const running = new Set<ChildProcess>();

/** Kills every proxy process still running (for afterAll, whatever a test left). */
export async function killProxyProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGKILL");
        await exited;
      }
      running.delete(child);
    }),
  );
}

/**
 * Starts the proxy in real mode against `ripioUrl` (a sandbox the test runs) with the store
 * `STORE_URL` names, on `port` (0 = any), and resolves once it listens. `env` overrides; `cwd`
 * is where the embedded default's ./data goes. Rejects with its output if it exits first.
 */
export async function startProxyProcess(options: {
  ripioUrl: string;
  storeUrl?: string;
  port?: number;
  cwd?: string;
  env?: Record<string, string>;
  /** Run as this user and group (the test runs as root and wants a service user's limits). */
  uid?: number;
  gid?: number;
}): Promise<ProxyProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RIPIO_BASE_URL: options.ripioUrl,
    RIPIO_CLIENT_ID: SANDBOX_CLIENT_ID,
    RIPIO_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
    RIPIO_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRET,
    HELP_IDENTITY_SECRET: PROCESS_IDENTITY_SECRET,
    ALLOWED_ORIGINS: "http://127.0.0.1",
    PORT: String(options.port ?? 0),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    ...(options.storeUrl === undefined ? {} : { STORE_URL: options.storeUrl }),
    ...options.env,
  };
  if (options.storeUrl === undefined && !options.env?.STORE_URL) delete env.STORE_URL;
  const child = spawn(process.execPath, ["--import", TSX, MAIN], {
    env,
    cwd: options.cwd ?? process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) =>
    child.once("exit", (code) => {
      running.delete(child);
      done(code);
    }),
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    const look = (): void => {
      const match = /listening on (http:\/\/[\d.:]+)\//.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    };
    child.stdout?.on("data", look);
    void exited.then((code) => reject(new Error(`server/main.ts exited (${code}):\n${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Runs `server/main.ts` expecting it not to start; resolves its exit code and output. */
export async function failedStart(
  options: Parameters<typeof startProxyProcess>[0],
): Promise<{ code: number | null; output: string }> {
  try {
    const proxy = await startProxyProcess(options);
    await proxy.stop();
    return { code: 0, output: proxy.output() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = /exited \((\w+)\)/.exec(message)?.[1];
    return { code: code === undefined ? null : Number(code), output: message };
  }
}
