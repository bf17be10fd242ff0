import { spawn } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";

/** The proxy an operator started with `npx ripio-help-proxy` in the folder it is installed in. */
export interface InstalledProxy {
  url: string;
  output(): string;
  /**
   * SIGTERM to npx alone, as Docker sends it to its command; resolves once every process npx
   * started has ended (npm itself exits at once; the proxy drains first).
   */
  stop(): Promise<void>;
}

/**
 * Runs `npx ripio-help-proxy` in `dir` with `env` (in its own process group, so cleanup reaches
 * npm's child too) and resolves once it prints the URL it listens on.
 */
export async function startInstalledProxy(
  dir: string,
  env: Record<string, string>,
): Promise<InstalledProxy> {
  const child = spawn("npx", ["--no-install", "ripio-help-proxy"], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const groupAlive = (): boolean => {
    try {
      if (child.pid) process.kill(-child.pid, 0);
      return child.pid !== undefined;
    } catch {
      return false;
    }
  };
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on("data", () => {
      const match = /listening on (http:\/\/[\d.:]+)\//.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    });
    void exited.then((code) =>
      reject(new Error(`npx ripio-help-proxy exited (${code}):\n${output}`)),
    );
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        process.kill(child.pid, "SIGTERM");
      }
      await exited;
      for (let waited = 0; groupAlive(); waited += 100) {
        if (waited > 30_000) throw new Error(`The proxy outlived npx by 30 s:\n${output}`);
        await sleep(100);
      }
    },
  };
}
