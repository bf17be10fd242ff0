import { isErrorCode, isErrorFile, isTicketField } from "../../contract/index.ts";
import { ApiClientError } from "./ApiClientError.ts";

// An answer without our error body came from something in between (a load balancer, a
// captive portal): judge it by its status alone.
function codeForBareStatus(status: number): ApiClientError["code"] {
  if (status === 0) return "NETWORK_ERROR";
  if (status === 429) return "RATE_LIMITED";
  if (status === 502 || status === 503 || status === 504) return "UPSTREAM_UNAVAILABLE";
  if (status === 500) return "INTERNAL_ERROR";
  return "UPSTREAM_ERROR";
}

/** Turns a non-2xx answer (status, body text, Retry-After) into an `ApiClientError`. */
export function parseErrorAnswer(
  status: number,
  bodyText: string,
  retryAfter: string | null,
): ApiClientError {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  const retryAfterSeconds = Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
  let body: unknown = null;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // Not JSON: handled below as a bare status.
  }
  const error =
    typeof body === "object" && body !== null && "error" in body
      ? (body as { error: unknown }).error
      : null;
  if (typeof error === "object" && error !== null && "code" in error && isErrorCode(error.code)) {
    const message = "message" in error && typeof error.message === "string" ? error.message : "";
    const field = "field" in error && isTicketField(error.field) ? error.field : undefined;
    const file = "file" in error && isErrorFile(error.file) ? error.file : undefined;
    return new ApiClientError({
      code: error.code,
      status,
      message,
      field,
      file,
      retryAfterSeconds,
    });
  }
  return new ApiClientError({
    code: codeForBareStatus(status),
    status,
    message: `Unexpected answer (HTTP ${status})`,
    retryAfterSeconds,
  });
}
