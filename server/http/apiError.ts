import {
  ERROR_HTTP_STATUS,
  type ErrorBody,
  type ErrorCode,
  type ErrorFile,
  type TicketField,
} from "../../contract/index.ts";

/** What an ApiError carries besides its code; every part is safe to show a browser. */
export interface ApiErrorOptions {
  field?: TicketField;
  /** The one attachment at fault, by its position among the request's attachments. */
  file?: ErrorFile;
  /** Sent as `Retry-After` (seconds). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** The one error the proxy answers with: a code from contract/, its HTTP status, a message. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly field: TicketField | undefined;
  readonly file: ErrorFile | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = ERROR_HTTP_STATUS[code];
    this.field = options.field;
    this.file = options.file;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The error body of docs/architecture.md: `{"error": {code, message, field?}}`. */
  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field === undefined ? {} : { field: this.field }),
        ...(this.file === undefined ? {} : { file: this.file }),
      },
    };
  }
}

/** The serializable part of an ApiError (what a shared store can keep for a waiting duplicate). */
export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  field?: TicketField;
  file?: ErrorFile;
  retryAfterSeconds?: number;
}

/** ApiError → plain data. */
export function apiErrorData(error: ApiError): ApiErrorData {
  return {
    code: error.code,
    message: error.message,
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.file === undefined ? {} : { file: error.file }),
    ...(error.retryAfterSeconds === undefined
      ? {}
      : { retryAfterSeconds: error.retryAfterSeconds }),
  };
}

/** Plain data → ApiError. */
export function apiErrorFrom(data: ApiErrorData): ApiError {
  const options: ApiErrorOptions = {};
  if (data.field !== undefined) options.field = data.field;
  if (data.file !== undefined) options.file = data.file;
  if (data.retryAfterSeconds !== undefined) options.retryAfterSeconds = data.retryAfterSeconds;
  return new ApiError(data.code, data.message, options);
}
