import { lstatSync, mkdirSync } from "node:fs";
import { lstat, readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { spoolFileOwner, type SpoolOwner } from "./spoolFileName.ts";

/** The spool folder's name under the OS temp dir: one per user, so users never share one. */
export function spoolDirName(uid: number | undefined): string {
  return uid === undefined ? "ripio-help-spool" : `ripio-help-spool-${uid}`;
}

/**
 * A spool file this host wrote and nobody touched for this long is an orphan whatever its pid
 * says: an upload writes at least 1 KiB per 30 s, and is forwarded within a Create's 10
 * minutes. It catches the pid a crashed process left being reused by another process.
 */
export const SPOOL_ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;

/** What prepareSpoolDir needs to know about this process and the others. */
export interface SpoolSweepDeps {
  owner: SpoolOwner;
  /** Our user id (undefined where the platform has none); the folder must be ours. */
  uid: number | undefined;
  /** When this process started (ms since the epoch): older files with our pid are a past life's. */
  processStartMs: number;
  /** Whether a process with this id is running on this host. */
  isAlive(pid: number): boolean;
  /** Now, ms since the epoch. */
  now(): number;
}

/** `kill(pid, 0)`: ESRCH means no such process; EPERM means one exists (another user's). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM";
  }
}

/**
 * Makes the spool folder (mode 0700) and checks it is a real folder of ours that no one else
 * can write to — in a shared /tmp, someone could have made it first. Synchronous, so even
 * createApp, which is, makes its fallback folder through it. Throws naming the folder.
 */
export function ensureSpoolDir(dir: string, uid: number | undefined): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const facts = lstatSync(dir);
  const problem = !facts.isDirectory()
    ? "is not a folder"
    : uid !== undefined && facts.uid !== uid
      ? "belongs to another user"
      : (facts.mode & 0o022) !== 0
        ? "can be written by other users"
        : null;
  if (problem) throw new Error(`The upload spool folder ${dir} ${problem}; remove it or fix it.`);
}

/**
 * Makes and checks the spool folder (ensureSpoolDir), then removes the files a
 * crashed process left: only those written on this host (replicas on other hosts may share the
 * folder) whose process is gone, whose pid is ours but which predate this process (a
 * container restarted with the same pid), or untouched for SPOOL_ORPHAN_AGE_MS (their pid
 * now another process's). Resolves how many it removed.
 */
export async function prepareSpoolDir(dir: string, deps: SpoolSweepDeps): Promise<number> {
  ensureSpoolDir(dir, deps.uid);

  let removed = 0;
  for (const name of await readdir(dir)) {
    const owner = spoolFileOwner(name);
    if (owner === null || owner.host !== deps.owner.host) continue;
    const path = join(dir, name);
    const written = await lstat(path).catch(() => null);
    if (written === null) continue; // gone already
    const stale = written.mtimeMs < deps.now() - SPOOL_ORPHAN_AGE_MS;
    if (!stale) {
      if (owner.pid === deps.owner.pid) {
        if (written.mtimeMs >= deps.processStartMs) continue;
      } else if (deps.isAlive(owner.pid)) continue;
    }
    await unlink(path).then(
      () => (removed += 1),
      () => undefined, // gone already, or another replica swept it first
    );
  }
  return removed;
}
