import {
  MIB,
  TICKET_LIMITS,
  checkDescription,
  checkSummary,
  type ErrorFile,
  type TicketField,
} from "../../contract/index.ts";
import { ApiError } from "../http/apiError.ts";

const mb = (bytes: number): string => `${bytes / MIB} MB`;

/** The ticket rules the proxy enforces itself, each with the field it concerns. */
const RULES = {
  SUMMARY_REQUIRED: ["summary", () => "Write a summary."],
  SUMMARY_TOO_LONG: [
    "summary",
    () => `The summary is longer than ${TICKET_LIMITS.summaryMaxChars} characters.`,
  ],
  DESCRIPTION_REQUIRED: ["description", () => "Write a description."],
  DESCRIPTION_TOO_LONG: [
    "description",
    () => `The description is longer than ${TICKET_LIMITS.descriptionMaxChars} characters.`,
  ],
  TOO_MANY_FILES: ["attachments", () => `Attach at most ${TICKET_LIMITS.maxFiles} files.`],
  FILE_TYPE_NOT_ALLOWED: ["attachments", (name) => `${name}: this type of file is not accepted.`],
  FILE_CONTENT_MISMATCH: [
    "attachments",
    (name) => `${name}: the content is not what its extension says.`,
  ],
  FILE_TOO_LARGE: [
    "attachments",
    (name) => `${name} is larger than ${mb(TICKET_LIMITS.maxFileBytes)}.`,
  ],
  ATTACHMENTS_TOO_LARGE: [
    "attachments",
    () => `The files add up to more than ${mb(TICKET_LIMITS.maxTotalBytes)}.`,
  ],
} as const satisfies Record<string, readonly [TicketField, (fileName: string) => string]>;

/** A code of a ticket rule (text, count, type, content, size). */
export type RuleCode = keyof typeof RULES;

/**
 * The ApiError for a broken ticket rule; where one file is at fault, `file` names it (its
 * position among the request's attachments and its cleaned name) in the text and the body.
 */
export function ruleError(code: RuleCode, file?: ErrorFile): ApiError {
  const [field, message] = RULES[code];
  return new ApiError(code, message(file?.name ?? ""), file ? { field, file } : { field });
}

/** The rule a summary or description breaks, if any; `truncated` when busboy cut the value. */
export function textRule(
  name: "summary" | "description",
  value: string,
  truncated: boolean,
): RuleCode | null {
  const isSummary = name === "summary";
  // busboy cuts a value at 4 bytes × the limit + 1, so it surely had too many characters.
  if (truncated) return isSummary ? "SUMMARY_TOO_LONG" : "DESCRIPTION_TOO_LONG";
  // The contract's text checks return only their own text codes.
  return (isSummary ? checkSummary(value) : checkDescription(value)) as RuleCode | null;
}
