// Every assumption about what Ripio's error answers mean lives here (see ripio-api.md).
import { UpstreamRejectedError } from "../domain/UpstreamRejectedError.ts";
import {
  UpstreamUnavailableError,
  type UpstreamUnavailableReason,
} from "../domain/UpstreamUnavailableError.ts";

/** Ripio's error codes the proxy reacts to. 20062 and 20063 are assumed (not published). */
export const RIPIO_CODES = {
  validation: 20000,
  parse: 20001,
  ticketsDisabled: 20061,
  customerNotFound: 20062,
  customerEmailMissing: 20063,
  notAuthenticated: 40001,
} as const;

/** What the proxy reads of a non-2xx Ripio answer: `{code, type, detail: {message}, status}`. */
export interface UpstreamFailure {
  status: number;
  code: number | null;
  type: string | null;
  message: string | null;
  /** From the `Retry-After` header, in whole seconds. */
  retryAfterSeconds: number | null;
}

const DEFAULT_RETRY_AFTER_SECONDS = 5;
const MAX_RETRY_AFTER_SECONDS = 300;

/** `Retry-After` as seconds (delta or HTTP date), clamped to 1 … 300; null when absent or bad. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === "") return null;
  const seconds = /^\d+$/.test(raw.trim()) ? Number(raw) : (Date.parse(raw) - now) / 1000;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(seconds)));
}

/** Reads Ripio's error shape out of whatever JSON came (or did not). */
export function readFailure(
  status: number,
  json: unknown,
  retryAfterSeconds: number | null,
): UpstreamFailure {
  const body = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
  const detail =
    typeof body.detail === "object" && body.detail !== null
      ? (body.detail as Record<string, unknown>)
      : {};
  return {
    status,
    code: typeof body.code === "number" ? body.code : null,
    type: typeof body.type === "string" ? body.type : null,
    message: typeof detail.message === "string" ? detail.message : null,
    retryAfterSeconds,
  };
}

/**
 * True when Ripio refused our bearer token: 401, or 403 with an authentication code
 * (4xxxx; Ripio answers missing credentials with 403/40001). Only 20061 means "not enabled".
 */
export function isAuthFailure(failure: UpstreamFailure): boolean {
  if (failure.status === 401) return true;
  if (failure.status !== 403 || failure.code === RIPIO_CODES.ticketsDisabled) return false;
  return failure.code !== null && failure.code >= 40_000 && failure.code < 50_000;
}

/** True when `failure` is Ripio saying tickets are off for this account (403/20061). */
export function isTicketsDisabled(failure: UpstreamFailure): boolean {
  return failure.status === 403 && failure.code === RIPIO_CODES.ticketsDisabled;
}

/** Ripio is down, slow or throttling us (UPSTREAM_UNAVAILABLE at the edge), with a Retry-After. */
export function unavailable(
  reason: UpstreamUnavailableReason,
  retryAfterSeconds: number | null,
  options: { upstreamStatus?: number; cause?: unknown } = {},
): UpstreamUnavailableError {
  return new UpstreamUnavailableError(
    reason,
    retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
    options,
  );
}

/**
 * Maps a Ripio failure to the domain error the proxy throws. `defect` is true for answers the
 * proxy should have prevented (400/20000 and the like): they are logged as bugs, not as Ripio's
 * trouble.
 */
export function mapFailure(failure: UpstreamFailure): {
  error: UpstreamRejectedError | UpstreamUnavailableError;
  defect: boolean;
} {
  const { status, code, type } = failure;
  if (isTicketsDisabled(failure)) {
    return { error: new UpstreamRejectedError("ticketsDisabled"), defect: false };
  }
  if (
    status === 400 &&
    (code === RIPIO_CODES.customerNotFound || type === "CustomerNotFoundException")
  ) {
    return { error: new UpstreamRejectedError("customerNotFound"), defect: false };
  }
  if (
    status === 400 &&
    (code === RIPIO_CODES.customerEmailMissing || type === "CustomerEmailMissingException")
  ) {
    return { error: new UpstreamRejectedError("customerEmailMissing"), defect: false };
  }
  if (status === 429 || status === 408 || status >= 500) {
    const reason = status === 429 ? "rateLimited" : "failing";
    return {
      error: unavailable(reason, failure.retryAfterSeconds, { upstreamStatus: status }),
      defect: false,
    };
  }
  return { error: new UpstreamRejectedError("unusableAnswer"), defect: true };
}

const TIMEOUT_CODES = new Set([
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** A call that got no answer, for the metrics: `timeout` (our own deadlines), else `network_error`. */
export function failureOutcome(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === "TimeoutError" || TIMEOUT_CODES.has(String(code)) ? "timeout" : "network_error";
}
