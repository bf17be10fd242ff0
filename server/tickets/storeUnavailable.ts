import { ApiError } from "../http/apiError.ts";

/** Seconds a client is told to wait before trying again while the store is down. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The error every store method rejects with when its engine fails. The message is for the
 * browser and says nothing about the engine; the engine's own error is the `cause` (for logs
 * and `/readyz`).
 */
export function storeUnavailable(cause: unknown): ApiError {
  if (isStoreUnavailable(cause)) return cause;
  return new ApiError(
    "STORE_UNAVAILABLE",
    "The help proxy cannot reach its store right now; nothing was sent. Try again in a moment.",
    { retryAfterSeconds: RETRY_AFTER_SECONDS, cause },
  );
}

/** True for the error of `storeUnavailable`. */
export function isStoreUnavailable(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === "STORE_UNAVAILABLE";
}

/** The engine's reason behind a STORE_UNAVAILABLE, for operators (never sent to browsers). */
export function storeFailureReason(error: unknown): string {
  const cause = isStoreUnavailable(error) ? error.cause : error;
  return cause instanceof Error ? cause.message || cause.name : String(cause);
}

/** Runs `work`, turning any failure of the engine into STORE_UNAVAILABLE. */
export async function guardStore<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeUnavailable(error);
  }
}
