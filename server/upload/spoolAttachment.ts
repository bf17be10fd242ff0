import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { AllowedExtension } from "../../contract/index.ts";
import { attachmentContentType } from "./attachmentContentType.ts";
import { createAttachmentCheck, type UploadTotals } from "./createAttachmentCheck.ts";
import type { UploadSpool } from "./createUploadSpool.ts";

/** One attachment written to a temporary file. */
export interface SpooledFile {
  /** Cleaned by contract's sanitizeFileName: base name, no control characters. */
  fileName: string;
  contentType: string;
  path: string;
  /** Filled in once the whole file is on disk. */
  size: number;
}

/** An attachment on its way to disk. */
export interface SpoolingFile {
  file: SpooledFile;
  /** Resolves once the file is on disk; rejects with the first broken rule or I/O error. */
  written: Promise<void>;
  /** Stops writing; resolves once the file is closed, so it can be removed. */
  abort(): Promise<void>;
}

/**
 * Writes one attachment's bytes to a new spool file while its size, the upload's running total
 * and its first bytes (against `ext`) are checked on the way (createAttachmentCheck).
 */
export function spoolAttachment(
  stream: Readable,
  meta: { fileName: string; index: number; ext: AllowedExtension; declaredType: string },
  deps: { spool: UploadSpool; totals: UploadTotals },
): SpoolingFile {
  const { path, out } = deps.spool.create(meta.ext);
  const check = createAttachmentCheck(
    { index: meta.index, name: meta.fileName },
    meta.ext,
    deps.totals,
  );
  const file: SpooledFile = {
    fileName: meta.fileName,
    contentType: attachmentContentType(meta.ext, meta.declaredType),
    path,
    size: 0,
  };
  const written = pipeline(stream, check, out).then(() => {
    file.size = check.size();
  });
  written.catch(() => undefined); // the caller hears of it through `written` when it awaits
  return {
    file,
    written,
    abort: () =>
      new Promise<void>((done) => {
        // An fs stream destroyed while opening closes its descriptor once open: wait for that.
        if (out.closed) done();
        else out.once("close", () => done()).destroy();
      }),
  };
}
