import { ALLOWED_EXTENSIONS, TICKET_LIMITS, type Locale } from "../../contract/index.ts";
import { formatBytes } from "./formatBytes.ts";

/** The placeholders messages may use for the contract's limits. */
export interface LimitValues {
  [key: string]: string | number;
  maxSummary: number;
  maxDescription: number;
  maxFiles: number;
  maxFileSize: string;
  maxTotalSize: string;
  types: string;
}

/** The contract's limits, formatted for one locale (never written in the messages). */
export function limitValues(locale: Locale): LimitValues {
  return {
    maxSummary: TICKET_LIMITS.summaryMaxChars,
    maxDescription: TICKET_LIMITS.descriptionMaxChars,
    maxFiles: TICKET_LIMITS.maxFiles,
    maxFileSize: formatBytes(TICKET_LIMITS.maxFileBytes, locale),
    maxTotalSize: formatBytes(TICKET_LIMITS.maxTotalBytes, locale),
    types: ALLOWED_EXTENSIONS.map((ext) => ext.toUpperCase()).join(", "),
  };
}
