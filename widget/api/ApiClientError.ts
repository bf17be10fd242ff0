import type { ErrorCode, TicketField } from "../../contract/index.ts";

/** What can go wrong talking to the proxy: one of its codes, or no answer at all. */
export type ClientErrorCode = ErrorCode | "NETWORK_ERROR";

/** An error answer of the proxy (or a failed connection), with its code for the messages. */
export class ApiClientError extends Error {
  readonly code: ClientErrorCode;
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  readonly field: TicketField | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    code: ClientErrorCode;
    status: number;
    message: string;
    field?: TicketField | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.message);
    this.name = "ApiClientError";
    this.code = init.code;
    this.status = init.status;
    this.field = init.field;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
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
