import { fork, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SandboxControl, SandboxOptions } from "../../../server/sandbox/createSandbox.ts";

type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** `startTestServer`'s server, driven in its own process; the sandbox control is async here. */
export interface RemoteTestServer {
  url: string;
  sandbox: { control: Async<SandboxControl> };
  tokenFor(customerId: string, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

const PROCESS_FILE = join(dirname(fileURLToPath(import.meta.url)), "testServerProcess.ts");

/** Starts the real proxy (sandbox mode) in a child process; see testServerProcess.ts for why. */
export async function startRemoteTestServer(
  options: {
    sandbox?: SandboxOptions;
    /** Runs the proxy's clock ahead, e.g. past the token clock skew to expire a token. */
    clockAheadMs?: number;
  } = {},
): Promise<RemoteTestServer> {
  const child: ChildProcess = fork(PROCESS_FILE, [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const ready = new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`test server process exited (${code})`)));
    child.on(
      "message",
      (message: { ready?: true; id?: number; result?: unknown; error?: string }) => {
        if (message.ready) return resolve();
        const call = waiting.get(message.id ?? -1);
        waiting.delete(message.id ?? -1);
        if (message.error !== undefined) call?.reject(new Error(message.error));
        else call?.resolve(message.result);
      },
    );
  });
  const call = (method: string, ...args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      nextId += 1;
      waiting.set(nextId, { resolve, reject });
      child.send({ id: nextId, method, args });
    });

  await ready;
  child.on("exit", (code) => {
    for (const pending of waiting.values())
      pending.reject(new Error(`test server exited (${code})`));
    waiting.clear();
  });
  const { url } = (await call("start", options)) as { url: string };
  const control = new Proxy({} as Async<SandboxControl>, {
    get:
      (_target, name) =>
      (...args: unknown[]) =>
        call("control", String(name), ...args),
  });
  return {
    url,
    sandbox: { control },
    // IPC sends JSON: an undefined argument would arrive as null, so leave it out.
    tokenFor: (customerId, ttlSeconds) =>
      (ttlSeconds === undefined
        ? call("tokenFor", customerId)
        : call("tokenFor", customerId, ttlSeconds)) as Promise<string>,
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await call("close");
      await exited;
    },
  };
}
