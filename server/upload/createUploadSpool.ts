import { randomUUID } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { join } from "node:path";
import { spoolFileName, type SpoolOwner } from "./spoolFileName.ts";

/**
 * Bytes a spool file may have queued before its writer pushes back on the request. The 16 KiB
 * default paused the upload on every 64 KiB socket read until the disk write came back; with
 * room for a few reads, the writes are batched (writev) while the next bytes arrive.
 */
const SPOOL_WRITE_HWM = 1024 * 1024;

/**
 * Opens a new spool file for writing. "wx" fails if anything (a file, a planted symlink) is at
 * the path already; mode 0o600 keeps other users from reading it. Every spool file is opened
 * here, so this is where both promises are kept.
 */
export function openSpoolFile(path: string): WriteStream {
  return createWriteStream(path, { flags: "wx", mode: 0o600, highWaterMark: SPOOL_WRITE_HWM });
}

/** Where one upload's attachments are written while it is checked, until it is forwarded. */
export interface UploadSpool {
  /** Opens the next attachment's file (see openSpoolFile). */
  create(ext: string): { path: string; out: WriteStream };
  /** Removes every file created so far; one already gone is fine. */
  remove(): Promise<void>;
}

const ignoreMissing = (error: unknown): void => {
  if ((error as { code?: unknown }).code !== "ENOENT") throw error;
};

/**
 * One upload's spool: one file per attachment straight in the spool folder, named after its
 * owner (see spoolFileName), so an upload costs no folder of its own (mkdtemp + `rm -r` were a
 * third of the fixed cost of a small ticket) and a crashed process's files can be told apart.
 */
export function createUploadSpool(dir: string, owner: SpoolOwner): UploadSpool {
  const uploadId = randomUUID();
  const paths: string[] = [];
  return {
    create(ext) {
      const path = join(dir, spoolFileName(owner, uploadId, paths.length, ext));
      paths.push(path);
      return { path, out: openSpoolFile(path) };
    },
    async remove() {
      await Promise.all(paths.map((path) => unlink(path).catch(ignoreMissing)));
    },
  };
}
