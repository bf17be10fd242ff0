/**
 * The proxy's store (memory, SQLite or Redis) cannot be used right now. Thrown by every store
 * method whose engine failed; the engine's own error is the `cause` (for logs and `/readyz`).
 * What a browser is told is decided at the HTTP edge (server/http/toApiError.ts).
 */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";

  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message || cause.name : String(cause);
    super(`the store cannot be used: ${reason}`, { cause });
  }
}
