import { StoreUnavailableError } from "../domain/StoreUnavailableError.ts";

/**
 * The error every store method rejects with when its engine fails: a StoreUnavailableError
 * with the engine's own error as its `cause` (for logs and `/readyz`). The HTTP edge answers
 * it with STORE_UNAVAILABLE (server/http/toApiError.ts).
 */
export function storeUnavailable(cause: unknown): StoreUnavailableError {
  if (isStoreUnavailable(cause)) return cause;
  return new StoreUnavailableError(cause);
}

/** True for the error of `storeUnavailable`. */
export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError;
}

/** The engine's reason behind a store failure, for operators (never sent to browsers). */
export function storeFailureReason(error: unknown): string {
  const cause = isStoreUnavailable(error) ? error.cause : error;
  return cause instanceof Error ? cause.message || cause.name : String(cause);
}

/** Runs `work`, turning any failure of the engine into a StoreUnavailableError. */
export async function guardStore<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeUnavailable(error);
  }
}
