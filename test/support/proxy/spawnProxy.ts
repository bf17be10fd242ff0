import { execFileSync, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import type { Launch } from "./launches.ts";

/** What to run and how; everything else (pipes, output, readiness, cleanup) is the harness's. */
export interface SpawnProxyOptions {
  launch: Launch;
  /**
   * Over the parent's environment, with PORT=0 and HOST=127.0.0.1 unless set here. The parent's
   * RIPIO_BASE_URL and STORE_URL are left out: a shell's would switch the mode or the store a
   * test chose.
   */
  env?: Record<string, string>;
  /** Where it runs (where the embedded default's ./data goes); default this process's folder. */
  cwd?: string;
  /**
   * In a process group of its own, as a service manager or Docker starts it: signalGroup and
   * groupAlive reach every process it starts, and stop() waits for all of them.
   */
  detached?: boolean;
  /** Run as this user and group (the tests run as root and sometimes want a service user). */
  uid?: number;
  gid?: number;
  /** Kill it and reject if it has not printed its URL by then (default: as long as the caller waits). */
  startTimeoutMs?: number;
}

/** A proxy (or another server that prints its URL the same way) in a process of its own. */
export interface ProxyProcess {
  /** The process started (for a detached one, also the id of its process group). */
  pid: number;
  /** Its origin, from the "listening on http://…/" line it printed. */
  url: string;
  port: number;
  /** Resolves with the exit code of the process started (null when a signal ended it). */
  exited: Promise<number | null>;
  /** The last OUTPUT_LIMIT characters it printed, stdout and stderr interleaved. */
  output(): string;
  /**
   * SIGTERM to the process started (not its group: Docker signals its command alone), then
   * waits for its exit, and for a detached one until its whole group has ended. With
   * `killAfterMs`, SIGKILL if it has not exited by then.
   */
  stop(options?: { killAfterMs?: number }): Promise<number | null>;
  /** SIGKILL (to the whole group of a detached one): no drain, no cleanup. */
  kill(): Promise<void>;
  /** Sends `signal` to the whole process group, as systemd, Docker or Ctrl-C do (detached only). */
  signalGroup(signal: NodeJS.Signals): void;
  /** Whether any process of the group still runs; zombies waiting for init do not count (detached only). */
  groupAlive(): boolean;
}

/** Why a start failed: the process ended before it printed its URL. */
export class ProxyExitedError extends Error {
  constructor(
    readonly code: number | null,
    readonly output: string,
    what: string,
  ) {
    super(`${what} exited (${code}):\n${output}`);
  }
}

/** Enough for every log line a test looks for; a bench or a soak prints more than it keeps. */
const OUTPUT_LIMIT = 1024 * 1024;
const LISTENING = /listening on (http:\/\/[\d.:]+)\//;
/** How long stop() waits for a detached group to end after the process it signalled. */
const GROUP_END_MS = 30_000;

const started = new Set<ProxyProcess>();

/**
 * Kills every proxy process still running (for afterAll/afterEach: whatever a test left). The
 * signals go out before the first await, so a process "exit" handler may call it unawaited.
 */
export async function killProxyProcesses(): Promise<void> {
  const all = [...started];
  started.clear();
  await Promise.all(all.map((proc) => proc.kill()));
}

/** Whether a process of group `pgid` still runs (ps, since a zombie answers kill(-pgid, 0) too). */
function groupRuns(pgid: number): boolean {
  const table = execFileSync("ps", ["-e", "-o", "pgid=,stat="], { encoding: "utf8" });
  return table.split("\n").some((line) => {
    const [group, state = ""] = line.trim().split(/\s+/);
    return Number(group) === pgid && !state.startsWith("Z");
  });
}

/**
 * Starts `options.launch` and resolves once it prints "listening on http://…/"; rejects with a
 * ProxyExitedError carrying its output if it exits first. Every process started here is in the
 * registry killProxyProcesses() empties.
 */
export async function spawnProxy(options: SpawnProxyOptions): Promise<ProxyProcess> {
  const { launch, detached = false } = options;
  const what = [launch.command, ...launch.args].join(" ");
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", HOST: "127.0.0.1" };
  delete env.RIPIO_BASE_URL;
  delete env.STORE_URL;
  Object.assign(env, options.env);
  const child = spawn(launch.command, launch.args, {
    env,
    cwd: options.cwd ?? process.cwd(),
    detached,
    stdio: ["ignore", "pipe", "pipe"],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  const pid = child.pid ?? -1;
  let output = "";
  let onOutput: (() => void) | null = null;
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      output = (output + chunk).slice(-OUTPUT_LIMIT);
      onOutput?.();
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    // A command that cannot start (ENOENT, EACCES) emits "error" and may never emit "exit".
    child.once("error", (error) => {
      output += `\n${String(error)}`;
      resolve(null);
    });
  });
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const requireDetached = (): void => {
    // -pid of a process in the runner's own group would signal the test runner itself.
    if (!detached) throw new Error(`${what} shares the test's process group: start it detached.`);
  };

  const proc: ProxyProcess = {
    pid,
    url: "",
    port: 0,
    exited,
    output: () => output,
    async stop({ killAfterMs } = {}) {
      if (running()) child.kill("SIGTERM");
      const late =
        killAfterMs === undefined ? null : setTimeout(() => void proc.kill(), killAfterMs);
      const code = await exited;
      if (late) clearTimeout(late);
      for (let waited = 0; detached && groupRuns(pid); waited += 100) {
        if (waited > GROUP_END_MS)
          throw new Error(`${what}'s group outlived it by 30 s:\n${output}`);
        await sleep(100);
      }
      started.delete(proc);
      return code;
    },
    async kill() {
      if (detached && groupRuns(pid)) process.kill(-pid, "SIGKILL");
      else if (running()) child.kill("SIGKILL");
      await exited;
      started.delete(proc);
    },
    signalGroup(signal) {
      requireDetached();
      process.kill(-pid, signal);
    },
    groupAlive() {
      requireDetached();
      return groupRuns(pid);
    },
  };
  started.add(proc);

  const url = await new Promise<string>((resolve, reject) => {
    onOutput = () => {
      const match = LISTENING.exec(output);
      if (!match?.[1]) return;
      onOutput = null;
      resolve(match[1]);
    };
    void exited.then((code) => reject(new ProxyExitedError(code, output, what)));
    if (options.startTimeoutMs !== undefined) {
      const ms = options.startTimeoutMs;
      setTimeout(() => {
        if (onOutput === null) return;
        void proc.kill();
        reject(new Error(`${what} printed no URL in ${ms} ms:\n${output}`));
      }, ms).unref();
    }
  });
  proc.url = url;
  proc.port = Number(new URL(url).port);
  return proc;
}
