import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { loadConfig } from "../../../server/config.ts";
import type { Sandbox } from "../../../server/sandbox/createSandbox.ts";
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_WEBHOOK_SECRET,
} from "../../../server/sandbox/seeds.ts";
import { TEST_IDENTITY_SECRET } from "./customerTokens.ts";

/** A proxy started as operators start it, in its own process group (as a service manager does). */
export interface ProxyProcess {
  /** The process the test started (and the id of its process group). */
  pid: number;
  url: string;
  /** Resolves with the exit code of the process the test started. */
  exited: Promise<number | null>;
  /** Everything it printed so far. */
  output(): string;
  /** Sends `signal` to the whole process group, as systemd, Docker or Ctrl-C do. */
  signalGroup(signal: NodeJS.Signals): void;
  /** Whether any process of the group is still running (zombies waiting for init do not count). */
  groupAlive(): boolean;
}

const started = new Set<ProxyProcess>();

/** Kills what a test left running (afterEach). */
export function killProxyProcesses(): void {
  for (const proc of started) {
    if (proc.groupAlive()) proc.signalGroup("SIGKILL");
  }
  started.clear();
}

/**
 * The environment of a real-mode proxy in front of `ripio` (a sandbox the test runs), its
 * store a fresh SQLite file in `dataDir`: the default, ./data, would carry one test's rate
 * counts and tickets into the next.
 */
export function realModeEnv(ripio: Sandbox, dataDir: string): Record<string, string> {
  return {
    STORE_URL: `sqlite:${join(dataDir, "help-proxy.sqlite")}`,
    RIPIO_BASE_URL: ripio.url,
    RIPIO_CLIENT_ID: SANDBOX_CLIENT_ID,
    RIPIO_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
    RIPIO_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRET,
    HELP_IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    ALLOWED_ORIGINS: "https://shop.example.com",
  };
}

/**
 * Runs `command args` detached (its own process group) with PORT=0 on 127.0.0.1 and silent
 * logs plus `env`; resolves once it prints its URL.
 */
export async function startProxyProcess(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ProxyProcess> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    ...env,
  };
  if (!("RIPIO_BASE_URL" in env)) delete childEnv.RIPIO_BASE_URL;
  loadConfig(childEnv); // a bad environment fails here, with its message, not as a timeout
  const child: ChildProcess = spawn(command, args, {
    env: childEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid ?? -1;
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const proc: ProxyProcess = {
    pid,
    url: "",
    exited,
    output: () => output,
    signalGroup: (signal) => process.kill(-pid, signal),
    groupAlive() {
      const table = execFileSync("ps", ["-e", "-o", "pgid=,stat="], { encoding: "utf8" });
      return table.split("\n").some((line) => {
        const [group, state = ""] = line.trim().split(/\s+/);
        return Number(group) === pid && !state.startsWith("Z");
      });
    },
  };
  started.add(proc);
  proc.url = await new Promise<string>((resolve, reject) => {
    const look = (): void => {
      const match = /listening on (http:\/\/[\d.:]+)\//.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", look);
    void exited.then(() => reject(new Error(`${command} exited early:\n${output}`)));
  });
  return proc;
}

/** `server/main.ts` itself, as `npm start`'s launcher runs it. */
export const MAIN = [process.execPath, ["--import", "tsx", "server/main.ts"]] as const;
/** `npm start`'s launcher, which runs and forwards signals to `server/main.ts`. */
export const LAUNCHER = [process.execPath, ["scripts/start.mjs"]] as const;
