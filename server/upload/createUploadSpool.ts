import { randomUUID } from "node:crypto";
import { unlink } from "node:fs/promises";
import { join } from "node:path";

/** Where one upload's attachments are written while it is checked, until it is forwarded. */
export interface UploadSpool {
  /** A new file path for the next attachment (create it with flags "wx", mode 0o600). */
  nextPath(ext: string): string;
  /** Removes every file handed out so far; one never created (or already gone) is fine. */
  remove(): Promise<void>;
}

const ignoreMissing = (error: unknown): void => {
  if ((error as { code?: unknown }).code !== "ENOENT") throw error;
};

/**
 * One upload's spool: files named `ripio-help-upload-<uuid>-<n>.<ext>` straight in `dir`, so an
 * upload costs no folder to create and remove recursively (mkdtemp + `rm -r` were a third of
 * the fixed cost of a small ticket). The random name and "wx" keep another process from
 * guessing or planting the file; mode 0o600 keeps other users from reading it.
 */
export function createUploadSpool(dir: string): UploadSpool {
  const prefix = join(dir, `ripio-help-upload-${randomUUID()}-`);
  const paths: string[] = [];
  return {
    nextPath(ext) {
      const path = `${prefix}${paths.length}.${ext}`;
      paths.push(path);
      return path;
    },
    async remove() {
      await Promise.all(paths.map((path) => unlink(path).catch(ignoreMissing)));
    },
  };
}
