/**
 * The ticket's rules as pure checks, one per thing judged: the summary, the description,
 * one file alone, and a list of files in the order they were added. The widget judges with
 * them before sending and the proxy again while the body streams in.
 */
import type { ErrorCode } from "./errorCodes.ts";
import { TICKET_LIMITS } from "./limits.ts";
import { countChars, hasVisibleText } from "./text.ts";
import { fileExtension, isAllowedExtension, isMimeCompatible } from "./fileTypes.ts";

/** What the rules need to know of a file before reading its bytes. */
export interface FileFacts {
  name: string;
  size: number;
  /** The MIME type a browser or multipart part reported; "" when none. */
  type?: string;
}

/** The rules one file alone can break (before its bytes are read). */
export type OwnFileRuleCode = Extract<ErrorCode, "FILE_TYPE_NOT_ALLOWED" | "FILE_TOO_LARGE">;

/** The rules a file can break before its bytes are read: its own, or no room left for it. */
export type FileRuleCode =
  OwnFileRuleCode | Extract<ErrorCode, "TOO_MANY_FILES" | "ATTACHMENTS_TOO_LARGE">;

/** Every code a file can be refused with: a rule above, or bytes unlike its type (proxy). */
export type FileRejectionCode = FileRuleCode | Extract<ErrorCode, "FILE_CONTENT_MISMATCH">;

// A Record, so the compiler refuses a file code left out of the list (or one that is not).
const FILE_REJECTIONS: Record<FileRejectionCode, true> = {
  FILE_TYPE_NOT_ALLOWED: true,
  FILE_CONTENT_MISMATCH: true,
  FILE_TOO_LARGE: true,
  TOO_MANY_FILES: true,
  ATTACHMENTS_TOO_LARGE: true,
};

/** The codes of `FileRejectionCode`, for code that meets them at run time. */
export const FILE_REJECTION_CODES = Object.keys(FILE_REJECTIONS) as readonly FileRejectionCode[];

/** True when `code` refuses a file (so an answer's message may name the file at fault). */
export function isFileRejectionCode(code: string): code is FileRejectionCode {
  return Object.hasOwn(FILE_REJECTIONS, code);
}

/**
 * Checks the summary alone; `null` when it is fine. Nothing visible (white space and
 * invisible format characters only) is SUMMARY_REQUIRED, however long; otherwise every code
 * point after trimming counts towards the limit.
 */
export function checkSummary(summary: string): ErrorCode | null {
  if (!hasVisibleText(summary)) return "SUMMARY_REQUIRED";
  return countChars(summary) > TICKET_LIMITS.summaryMaxChars ? "SUMMARY_TOO_LONG" : null;
}

/** Checks the description alone, as `checkSummary` does the summary; `null` when it is fine. */
export function checkDescription(description: string): ErrorCode | null {
  if (!hasVisibleText(description)) return "DESCRIPTION_REQUIRED";
  return countChars(description) > TICKET_LIMITS.descriptionMaxChars
    ? "DESCRIPTION_TOO_LONG"
    : null;
}

/** Checks one file's name, declared type and size; `null` when it is fine. */
export function checkFile(file: FileFacts): OwnFileRuleCode | null {
  const ext = fileExtension(file.name);
  if (!isAllowedExtension(ext) || !isMimeCompatible(ext, file.type ?? "")) {
    return "FILE_TYPE_NOT_ALLOWED";
  }
  return file.size > TICKET_LIMITS.maxFileBytes ? "FILE_TOO_LARGE" : null;
}

/**
 * Judges files in the order they were added, after the `attached` ones (already judged
 * fine): each file's own rules, then whether it still fits the count and total size left.
 * A refused file takes no room. One verdict per file of `incoming`; `null` = attach it.
 */
export function judgeFiles(
  incoming: readonly FileFacts[],
  attached: readonly FileFacts[] = [],
): (FileRuleCode | null)[] {
  let count = attached.length;
  let total = attached.reduce((sum, file) => sum + file.size, 0);
  return incoming.map((file) => {
    const verdict =
      checkFile(file) ??
      (count + 1 > TICKET_LIMITS.maxFiles
        ? "TOO_MANY_FILES"
        : total + file.size > TICKET_LIMITS.maxTotalBytes
          ? "ATTACHMENTS_TOO_LARGE"
          : null);
    if (verdict === null) {
      count += 1;
      total += file.size;
    }
    return verdict;
  });
}
