export { MIB, TICKET_LIMITS, MAX_WAIT_SECONDS, LOCALES, type Locale } from "./limits.ts";
export { countChars, hasVisibleText, maxUtf8Bytes } from "./text.ts";
export { MAX_TEXT_PARTS, MULTIPART_LIMITS } from "./multipartLimits.ts";
export { ERROR_HTTP_STATUS, ERROR_CODES, isErrorCode, type ErrorCode } from "./errorCodes.ts";
export {
  API,
  TICKET_FIELDS,
  TICKET_STATUSES,
  isTerminal,
  isErrorFile,
  isTicketField,
  ticketPath,
  type ErrorFile,
  TICKET_LIST_LIMIT,
  type ListedTicket,
  type TicketList,
  type Ticket,
  type TicketStatus,
  type TicketField,
  type ErrorBody,
  type PublicConfig,
} from "./api.ts";
export {
  ALLOWED_EXTENSIONS,
  SIGNATURE_BYTES,
  acceptMap,
  fileExtension,
  isAllowedExtension,
  isMimeCompatible,
  matchesSignature,
  usualMimeType,
  type AllowedExtension,
} from "./fileTypes.ts";
export { sanitizeFileName } from "./fileName.ts";
export { isTicket, isTicketStatus, ticketOf } from "./isTicket.ts";
export { isPublicConfig } from "./isPublicConfig.ts";
export {
  checkSummary,
  checkDescription,
  checkFile,
  judgeFiles,
  isFileRejectionCode,
  FILE_REJECTION_CODES,
  type FileFacts,
  type FileRejectionCode,
  type FileRuleCode,
  type OwnFileRuleCode,
} from "./ticketRules.ts";
export {
  CONTEXT_ITEMS,
  CONTEXT_LIMITS,
  checkTicketContext,
  contextText,
  hostEntryProblem,
  type ContextItem,
  type ContextVerdict,
  type HostContext,
  type HostContextValue,
  type TicketContext,
} from "./ticketContext.ts";
