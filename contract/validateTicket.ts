import type { ErrorCode } from "./errorCodes.ts";
import type { TicketField } from "./api.ts";
import { TICKET_LIMITS } from "./limits.ts";
import { countChars } from "./text.ts";
import { fileExtension, isAllowedExtension, isMimeCompatible } from "./fileTypes.ts";

/** What the rules need to know of a file before reading its bytes. */
export interface FileFacts {
  name: string;
  size: number;
  /** The MIME type a browser or multipart part reported; "" when none. */
  type?: string;
}

/** One broken rule, with the field (and file) it concerns. */
export interface Violation {
  code: ErrorCode;
  field: TicketField;
  /** Index into the files given, for rules about one file. */
  fileIndex?: number;
  fileName?: string;
}

/** Checks the summary alone; `null` when it is fine. */
export function checkSummary(summary: string): ErrorCode | null {
  const chars = countChars(summary);
  if (chars === 0) return "SUMMARY_REQUIRED";
  return chars > TICKET_LIMITS.summaryMaxChars ? "SUMMARY_TOO_LONG" : null;
}

/** Checks the description alone; `null` when it is fine. */
export function checkDescription(description: string): ErrorCode | null {
  const chars = countChars(description);
  if (chars === 0) return "DESCRIPTION_REQUIRED";
  return chars > TICKET_LIMITS.descriptionMaxChars ? "DESCRIPTION_TOO_LONG" : null;
}

/** Checks one file's name, declared type and size; `null` when it is fine. */
export function checkFile(file: FileFacts): ErrorCode | null {
  const ext = fileExtension(file.name);
  if (!isAllowedExtension(ext) || !isMimeCompatible(ext, file.type ?? "")) {
    return "FILE_TYPE_NOT_ALLOWED";
  }
  return file.size > TICKET_LIMITS.maxFileBytes ? "FILE_TOO_LARGE" : null;
}

/**
 * Checks a whole ticket and returns every violation, not just the first: text rules,
 * each file's own rules, then the count and total size of the files.
 */
export function validateTicket(
  fields: { summary: string; description: string },
  files: readonly FileFacts[],
): Violation[] {
  const violations: Violation[] = [];
  const summary = checkSummary(fields.summary);
  if (summary) violations.push({ code: summary, field: "summary" });
  const description = checkDescription(fields.description);
  if (description) violations.push({ code: description, field: "description" });

  files.forEach((file, fileIndex) => {
    const code = checkFile(file);
    if (code) violations.push({ code, field: "attachments", fileIndex, fileName: file.name });
  });
  if (files.length > TICKET_LIMITS.maxFiles) {
    violations.push({ code: "TOO_MANY_FILES", field: "attachments" });
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > TICKET_LIMITS.maxTotalBytes) {
    violations.push({ code: "ATTACHMENTS_TOO_LARGE", field: "attachments" });
  }
  return violations;
}
