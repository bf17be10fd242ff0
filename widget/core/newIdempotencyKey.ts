/**
 * A random key for one draft's `Idempotency-Key`. `crypto.randomUUID` exists only in
 * secure contexts, and host pages are not always served over https.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
