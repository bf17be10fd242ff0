import { Transform } from "node:stream";
import {
  SIGNATURE_BYTES,
  TICKET_LIMITS,
  matchesSignature,
  type AllowedExtension,
  type ErrorFile,
} from "../../contract/index.ts";
import { ruleError } from "./ruleError.ts";

/** Bytes of every attachment of one upload so far, shared by their checks. */
export interface UploadTotals {
  bytes: number;
}

/**
 * A pass-through for one attachment's bytes that fails, as soon as it can tell, with
 * FILE_TOO_LARGE, ATTACHMENTS_TOO_LARGE or FILE_CONTENT_MISMATCH (the first bytes against the
 * extension). `file` is the attachment's position and cleaned name. `size()` is the byte
 * count seen so far.
 */
export function createAttachmentCheck(
  file: ErrorFile,
  ext: AllowedExtension,
  totals: UploadTotals,
): Transform & { size(): number } {
  let size = 0;
  let head = Buffer.alloc(0);
  let headChecked = false;
  const checkHead = () => {
    headChecked = true;
    return matchesSignature(ext, head) ? null : ruleError("FILE_CONTENT_MISMATCH", file);
  };
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      totals.bytes += chunk.length;
      if (size > TICKET_LIMITS.maxFileBytes) return done(ruleError("FILE_TOO_LARGE", file));
      if (totals.bytes > TICKET_LIMITS.maxTotalBytes)
        return done(ruleError("ATTACHMENTS_TOO_LARGE"));
      if (!headChecked) {
        head = Buffer.concat([head, chunk.subarray(0, SIGNATURE_BYTES - head.length)]);
        if (head.length >= SIGNATURE_BYTES) return done(checkHead(), chunk);
      }
      done(null, chunk);
    },
    // A file shorter than the signature window is judged on what it has.
    flush: (done) => done(headChecked ? null : checkHead()),
  });
  return Object.assign(check, { size: () => size });
}
