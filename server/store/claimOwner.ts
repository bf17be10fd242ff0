/**
 * The process that holds a running Idempotency-Key claim, written into the claim's id
 * (`<host>~<pid>/<uuid>`): a process that starts on an SQLite file can then let go at once of
 * the claims its crashed predecessors on this host left, instead of waiting for them to lapse.
 */
export interface ClaimOwner {
  /** The host name, reduced to letters, digits, `-` and `_` (upload/spoolFileName.ts's tag). */
  host: string;
  pid: number;
}

/** How a starting process tells a live claim holder from a dead one on its own host. */
export interface ClaimOwnerCheck extends ClaimOwner {
  isAlive(pid: number): boolean;
}

/** A fresh claim id of `owner` (or an anonymous one). */
export function ownedClaimId(owner: ClaimOwner | undefined, uuid: string): string {
  return owner ? `${owner.host}~${owner.pid}/${uuid}` : uuid;
}

const OWNED = /^([A-Za-z0-9_-]+)~(\d+)\//;

/** The owner a claim id names; null for an anonymous one. */
export function claimOwnerOf(claim: string): ClaimOwner | null {
  const match = OWNED.exec(claim);
  return match?.[1] && match[2] ? { host: match[1], pid: Number(match[2]) } : null;
}

/**
 * Whether `claim` belongs to a process of `self`'s host that is gone: its pid is not running,
 * or is `self`'s own (an earlier process with the same pid — a container restarted as pid 1 —
 * since a process that is just starting holds no claim yet).
 */
export function claimOwnerGone(claim: string, self: ClaimOwnerCheck): boolean {
  const owner = claimOwnerOf(claim);
  if (owner === null || owner.host !== self.host) return false;
  return owner.pid === self.pid || !self.isAlive(owner.pid);
}
