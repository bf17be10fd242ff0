import type { ErrorCode } from "../../contract/index.ts";
import { StoreUnavailableError } from "../domain/StoreUnavailableError.ts";
import { UpstreamRejectedError, type UpstreamRejection } from "../domain/UpstreamRejectedError.ts";
import {
  UpstreamUnavailableError,
  type UpstreamUnavailableReason,
} from "../domain/UpstreamUnavailableError.ts";
import { ApiError } from "./apiError.ts";

/** Seconds a client is told to wait before trying again while the store is down. */
const STORE_RETRY_AFTER_SECONDS = 5;

const STORE_TEXT =
  "The help proxy cannot reach its store right now; nothing was sent. Try again in a moment.";

const UNAVAILABLE_TEXT: Record<UpstreamUnavailableReason, (status: number | null) => string> = {
  tokenUnreachable: () => "Ripio's token endpoint cannot be reached.",
  tokenUnavailable: () => "Ripio's token endpoint is unavailable.",
  unreachable: () => "Ripio cannot be reached right now.",
  rateLimited: () => "Ripio is rate limiting us; try again shortly.",
  failing: (status) => `Ripio answered ${status ?? "an error"}; try again shortly.`,
};

const REJECTION: Record<UpstreamRejection, readonly [ErrorCode, string]> = {
  ticketsDisabled: ["TICKETS_DISABLED", "Support tickets are not enabled for this account."],
  customerNotFound: ["CUSTOMER_NOT_FOUND", "Ripio does not know this customer."],
  customerEmailMissing: ["CUSTOMER_EMAIL_MISSING", "This customer has no email on file at Ripio."],
  authenticationFailed: ["UPSTREAM_ERROR", "The proxy could not authenticate with Ripio."],
  credentialsRefused: ["UPSTREAM_ERROR", "Ripio refused the proxy's credentials."],
  unusableAnswer: ["UPSTREAM_ERROR", "Ripio answered something the proxy cannot use."],
};

/**
 * The answer a browser gets for an error: an ApiError as it is, a domain error of the store or
 * the upstream client mapped to its code, text and Retry-After; null for anything else (a
 * defect, answered INTERNAL_ERROR by the error handler).
 */
export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreUnavailableError) {
    return new ApiError("STORE_UNAVAILABLE", STORE_TEXT, {
      retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
      cause: error,
    });
  }
  if (error instanceof UpstreamUnavailableError) {
    return new ApiError(
      "UPSTREAM_UNAVAILABLE",
      UNAVAILABLE_TEXT[error.reason](error.upstreamStatus),
      {
        retryAfterSeconds: error.retryAfterSeconds,
        cause: error,
      },
    );
  }
  if (error instanceof UpstreamRejectedError) {
    const [code, text] = REJECTION[error.reason];
    return new ApiError(code, text, { cause: error });
  }
  return null;
}
