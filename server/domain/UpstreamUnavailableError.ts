/** Why Ripio cannot serve us right now (each has its own text at the HTTP edge). */
export type UpstreamUnavailableReason =
  /** No answer from the token endpoint (refused, reset, timed out). */
  | "tokenUnreachable"
  /** The token endpoint answered 429 or 5xx. */
  | "tokenUnavailable"
  /** No answer from the tickets API. */
  | "unreachable"
  /** The tickets API answered 429. */
  | "rateLimited"
  /** The tickets API answered 408 or 5xx (`upstreamStatus`). */
  | "failing";

/** Ripio is down, slow or throttling us: worth trying again after `retryAfterSeconds`. */
export class UpstreamUnavailableError extends Error {
  override readonly name = "UpstreamUnavailableError";
  /** Ripio's HTTP status when it answered; null when it did not. */
  readonly upstreamStatus: number | null;

  constructor(
    readonly reason: UpstreamUnavailableReason,
    readonly retryAfterSeconds: number,
    options: { upstreamStatus?: number; cause?: unknown } = {},
  ) {
    const status = options.upstreamStatus;
    super(`Ripio unavailable: ${reason}${status === undefined ? "" : ` (${status})`}`, {
      cause: options.cause,
    });
    this.upstreamStatus = status ?? null;
  }
}
