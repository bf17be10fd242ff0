import { TICKET_LIMITS, checkFile } from "../../contract/index.ts";
import type { FileRejectionCode } from "../messages/index.ts";

/** A file the user offered, attached or refused (a refused one is listed, never sent). */
export interface Attachment {
  id: string;
  file: File;
  rejection: FileRejectionCode | null;
}

let nextId = 0;

/**
 * Judges files the user adds, in order, against the contract's rules and the files
 * already attached: type (extension and MIME together — an empty MIME type, as browsers
 * give `.mov`, passes), size, then the count and total left.
 */
export function judgeFiles(attached: readonly File[], incoming: readonly File[]): Attachment[] {
  let count = attached.length;
  let total = attached.reduce((sum, file) => sum + file.size, 0);
  return incoming.map((file) => {
    nextId += 1;
    const id = `file-${nextId}`;
    const own = checkFile({ name: file.name, size: file.size, type: file.type });
    // checkFile only answers the per-file codes, which are rejection codes.
    const rejection: FileRejectionCode | null =
      (own as FileRejectionCode | null) ??
      (count + 1 > TICKET_LIMITS.maxFiles
        ? "TOO_MANY_FILES"
        : total + file.size > TICKET_LIMITS.maxTotalBytes
          ? "ATTACHMENTS_TOO_LARGE"
          : null);
    if (rejection === null) {
      count += 1;
      total += file.size;
    }
    return { id, file, rejection };
  });
}
