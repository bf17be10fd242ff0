import type { ErrorCode, ErrorFile, TicketField } from "../../contract/index.ts";

/** What can go wrong talking to the proxy: one of its codes, or no answer at all. */
export type ClientErrorCode = ErrorCode | "NETWORK_ERROR";

/** An error answer of the proxy (or a failed connection), with its code for the messages. */
export class ApiClientError extends Error {
  readonly code: ClientErrorCode;
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  readonly field: TicketField | undefined;
  /** The one attachment the error is about, by its position in the request. */
  readonly file: ErrorFile | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    code: ClientErrorCode;
    status: number;
    message: string;
    field?: TicketField | undefined;
    file?: ErrorFile | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.message);
    this.name = "ApiClientError";
    this.code = init.code;
    this.status = init.status;
    this.field = init.field;
    this.file = init.file;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

// Answers that may well be different a moment later: the connection, the proxy or Ripio may
// recover. Not: a rule, the identity, or a ticket that is not ours — asking again gets the same.
const TRANSIENT_CODES: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>([
  "NETWORK_ERROR",
  "RATE_LIMITED",
  "REQUEST_TIMEOUT",
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_ERROR",
  "STORE_UNAVAILABLE",
  "INTERNAL_ERROR",
]);

/** True when trying the same request again later may succeed. */
export function isTransientCode(code: ClientErrorCode): boolean {
  return TRANSIENT_CODES.has(code);
}

/** True for the rejection of a request that was cancelled on purpose. */
export function isAbortError(error: unknown): boolean {
  // By name, not `instanceof Error`: a DOMException from another realm (an iframe, a
  // test DOM) is not an instance of this realm's Error.
  return (
    typeof error === "object" && error !== null && "name" in error && error.name === "AbortError"
  );
}

/** The DOMException browsers use for aborted requests, so callers test one shape. */
export function abortError(): Error {
  return new DOMException("The request was cancelled.", "AbortError");
}
