import { randomUUID } from "node:crypto";
import type { Ticket } from "../../contract/index.ts";
import type { IdempotencyClaim, StoredTicket } from "../tickets/ticketStore.ts";
import { claimId, type ClaimEntry } from "./claimEntry.ts";
import { ownedClaimId, type ClaimOwner } from "./claimOwner.ts";
import type { Wakeups } from "./createWakeups.ts";
import { guardStore } from "../tickets/storeUnavailable.ts";
import { STORE_TTL, type StoreTtlOptions } from "./storeDefaults.ts";
import { waitForOutcome } from "./waitForOutcome.ts";

/** The atomic steps an engine (memory, SQLite, Redis) offers for Idempotency-Key claims. */
export interface ClaimEngine {
  /** Takes `id` for `claim` unless it is running or done: null when taken, else what is there. */
  claim(id: string, claim: string, ttlMs: number): Promise<ClaimEntry | null>;
  /** Replaces `claim`'s running entry (or nothing) with `next`; false if another owns the key. */
  settle(id: string, claim: string, next: ClaimEntry, ttlMs: number): Promise<boolean>;
  /** Extends `claim`'s running entry (the heartbeat of a live request); false if it is not ours. */
  renew(id: string, claim: string, ttlMs: number): Promise<boolean>;
  read(id: string): Promise<ClaimEntry | null>;
}

/**
 * `beginIdempotent` over an engine (memory, SQLite, Redis). The first request's claim is renewed
 * every quarter of `runningMs` until it settles, so a claim whose process died frees the key
 * soon; `held()` says, before Ripio is asked, whether it still is ours (a process that stalled
 * past the lapse may have lost it to a duplicate, which then uploads its own). A duplicate waits
 * in any process (wake-ups, or a look every second) and shares the outcome.
 */
export function createClaims(deps: {
  engine: ClaimEngine;
  wakeups: Wakeups;
  getTicket(ticketId: string): Promise<StoredTicket | null>;
  /** The store's times to live (tests shorten them); STORE_TTL's otherwise. */
  ttl: StoreTtlOptions;
  /** Written into each claim, so a restart on a shared file can release a dead process's. */
  owner?: ClaimOwner;
}): (customerId: string, key: string) => Promise<IdempotencyClaim> {
  const { engine, wakeups } = deps;
  const now = deps.ttl.now ?? Date.now;
  const times = {
    idempotencyMs: deps.ttl.idempotencyTtlMs ?? STORE_TTL.idempotencyMs,
    runningMs: deps.ttl.runningTtlMs ?? STORE_TTL.runningMs,
    failedMs: STORE_TTL.failedMs,
  };

  function first(id: string, claim: string): IdempotencyClaim {
    let confirmedAt = now();
    let lost = false;
    const renew = async (): Promise<boolean> => {
      const at = now();
      const ours = await engine.renew(id, claim, times.runningMs);
      if (ours) confirmedAt = Math.max(confirmedAt, at);
      else lost = true;
      return ours;
    };
    const beat = (): void => void renew().catch(() => undefined);
    const heartbeat = setInterval(beat, Math.max(10, Math.floor(times.runningMs / 4)));
    heartbeat.unref();
    // A request never takes longer than a slot is held; a heartbeat never outlives that.
    const limit = setTimeout(() => clearInterval(heartbeat), STORE_TTL.holdMs);
    limit.unref();
    let settled = false;
    const settle = async (next: ClaimEntry, ttlMs: number): Promise<void> => {
      if (settled) return;
      // Stays running (and renewed) until the store took the outcome, so a retry can finish it.
      await guardStore(() => engine.settle(id, claim, next, ttlMs));
      settled = true;
      clearInterval(heartbeat);
      clearTimeout(limit);
      wakeups.wake(`i:${id}`);
    };
    return {
      kind: "first",
      // Confirmed by a heartbeat in the last half lapse, it is surely still ours; else ask.
      held: async () =>
        !lost && (now() - confirmedAt < times.runningMs / 2 || (await guardStore(renew))),
      complete: (ticket: Ticket) =>
        settle({ state: "done", ticket: publicTicket(ticket) }, times.idempotencyMs),
      fail: (error) => settle({ state: "failed", claim, error }, times.failedMs),
    };
  }

  return async (customerId, key) => {
    const id = claimId(customerId, key);
    const claim = ownedClaimId(deps.owner, randomUUID());
    const found = await guardStore(() => engine.claim(id, claim, times.runningMs));
    if (found === null) return first(id, claim);
    if (found.state === "done") {
      const current = await deps.getTicket(found.ticket.ticketId);
      return { kind: "existing", ticket: publicTicket(current ?? found.ticket) };
    }
    const running = found.state === "running" ? found.claim : claim;
    const read = () => guardStore(() => engine.read(id));
    return {
      kind: "running",
      wait: (signal) => waitForOutcome(`i:${id}`, running, { wakeups, read }, signal),
    };
  };
}

function publicTicket({ ticketId, status, issueKey }: Ticket): Ticket {
  return { ticketId, status, issueKey };
}
