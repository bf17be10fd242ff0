import { readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { result, type BenchResult } from "./benchResult.ts";
import { median } from "./median.ts";
import { startRealStack } from "./processes.ts";
import { benchFile, expectAccepted, sendTicket, type TicketTarget } from "./sendTicket.ts";
import { largestTicketFiles } from "./measureUpload.ts";

const SAMPLE_MS = 10;
const CONCURRENT = 10;
const SINGLE_RUNS = 3;

/** A `kB` line of /proc/<pid>/status (VmRSS: resident now; VmHWM: the peak since reset). */
function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

/** Resets VmHWM to the current RSS; false where the kernel does not allow it. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/**
 * The process's peak RSS (kB) while `work` runs: the kernel's own high-water mark when it can
 * be reset (it misses nothing), and RSS sampled every 10 ms in any case.
 */
async function peakDuring(pid: number, work: () => Promise<unknown>): Promise<number> {
  const exact = resetPeak(pid);
  let peak = statusKb(pid, "VmRSS");
  const timer = setInterval(() => {
    peak = Math.max(peak, statusKb(pid, "VmRSS"));
  }, SAMPLE_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, statusKb(pid, "VmRSS"));
  return exact ? Math.max(peak, statusKb(pid, "VmHWM")) : peak;
}

/** The RSS a quiet process settles at (median of a few reads over a second), kB. */
async function idleKb(pid: number): Promise<number> {
  const reads: number[] = [];
  for (let i = 0; i < 5; i++) {
    await sleep(200);
    reads.push(statusKb(pid, "VmRSS"));
  }
  return median(reads);
}

/** The proxy's peak RSS during one (median of three) and during ten concurrent 50 MB uploads, minus its idle RSS. */
export async function measureUploadMemory(): Promise<BenchResult[]> {
  const stack = await startRealStack();
  try {
    const pid = stack.proxy.pid;
    const target: TicketTarget = {
      kind: "proxy",
      url: stack.proxy.url,
      customerToken: stack.customerToken,
    };
    const send = async (files: Parameters<typeof sendTicket>[1]): Promise<void> => {
      expectAccepted(await sendTicket(target, files), "upload through the proxy");
    };
    const big = largestTicketFiles();
    // Idle means after a first small ticket: the token is cached and the code paths are loaded.
    await send([benchFile("png", 64 * 1024)]);
    const idle = await idleKb(pid);
    // Three single uploads, one after the other: the median peak, as one run is at GC's mercy.
    const singles: number[] = [];
    for (let i = 0; i < SINGLE_RUNS; i++) {
      singles.push(await peakDuring(pid, () => send(big)));
      await sleep(300);
    }
    const one = median(singles);
    await sleep(700);
    const ten = await peakDuring(pid, () =>
      Promise.all(Array.from({ length: CONCURRENT }, () => send(big))),
    );
    const mb = (kb: number): number => kb / 1024;
    return [
      result("upload_50mb_rss_delta_mb", mb(one - idle), "MB", mb(idle), 32),
      result("upload_10x50mb_rss_delta_mb", mb(ten - idle), "MB", mb(idle), null),
    ];
  } finally {
    await stack.stop();
  }
}
