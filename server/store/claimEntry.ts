import type { Ticket } from "../../contract/index.ts";
import type { ApiErrorData } from "../http/apiError.ts";

/**
 * An Idempotency-Key's state as a shared store keeps it, one string per key so that a Redis
 * script can compare it whole: `R|<claim>` running, `D|<ticket JSON>` done, `F|<claim>|<error
 * JSON or null>` failed (kept briefly, so a duplicate waiting in another process learns why).
 */
export type ClaimEntry =
  | { state: "running"; claim: string }
  | { state: "done"; ticket: Ticket }
  | { state: "failed"; claim: string; error: ApiErrorData | null };

/** ClaimEntry → its stored string. */
export function encodeClaim(entry: ClaimEntry): string {
  switch (entry.state) {
    case "running":
      return `R|${entry.claim}`;
    case "done":
      return `D|${JSON.stringify(entry.ticket)}`;
    case "failed":
      return `F|${entry.claim}|${JSON.stringify(entry.error)}`;
  }
}

/** Stored string → ClaimEntry; null for nothing or for something this code did not write. */
export function decodeClaim(value: string | null | undefined): ClaimEntry | null {
  if (!value) return null;
  const rest = value.slice(2);
  try {
    if (value.startsWith("R|")) return { state: "running", claim: rest };
    if (value.startsWith("D|")) return { state: "done", ticket: JSON.parse(rest) as Ticket };
    if (value.startsWith("F|")) {
      const bar = rest.indexOf("|");
      const error = JSON.parse(rest.slice(bar + 1)) as ApiErrorData | null;
      return { state: "failed", claim: rest.slice(0, bar), error };
    }
  } catch {
    // A half-written or foreign value: treated as absent, so the key can be claimed anew.
  }
  return null;
}

/** The id of a (customer, Idempotency-Key) pair in a store: unambiguous for any strings. */
export function claimId(customerId: string, key: string): string {
  return JSON.stringify([customerId, key]);
}
