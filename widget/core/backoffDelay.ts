/** Backoff for plain polling and for retries: 1 s, 2 s, 4 s, 8 s, then every 10 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 10_000);
}
