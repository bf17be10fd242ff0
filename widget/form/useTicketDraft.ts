import { useCallback, useState } from "react";
import { newIdempotencyKey } from "./newIdempotencyKey.ts";
import type { TicketFormValues } from "./ticketResolver.ts";
import { useStoredValue } from "../storage/useStoredValue.ts";

interface StoredDraft extends TicketFormValues {
  idempotencyKey: string;
}

function isStoredDraft(value: unknown): value is StoredDraft {
  const draft = value as Partial<StoredDraft> | null;
  return (
    typeof draft?.summary === "string" &&
    typeof draft.description === "string" &&
    typeof draft.idempotencyKey === "string"
  );
}

/** The unsent ticket of one customer: its text (kept across reloads) and its idempotency key. */
export interface TicketDraft {
  /** The stored text, `null` when there is none. */
  text: TicketFormValues | null;
  /** Sent as `Idempotency-Key`; the same for every attempt until a 202 clears the draft. */
  idempotencyKey: string;
  save(text: TicketFormValues): void;
  /** Forgets the text and starts a new key (after a 202). */
  clear(): void;
}

/**
 * The draft of `customerKey`'s ticket in sessionStorage. Only text and the key are stored;
 * files cannot be, and stay in memory (`useAttachments`).
 */
export function useTicketDraft(customerKey: string | null): TicketDraft {
  const [stored, setStored] = useStoredValue(
    customerKey === null ? null : `draft/${customerKey}`,
    isStoredDraft,
  );
  const [freshKey, setFreshKey] = useState(newIdempotencyKey);
  const idempotencyKey = stored?.idempotencyKey ?? freshKey;

  const save = useCallback(
    (text: TicketFormValues) =>
      setStored({ summary: text.summary, description: text.description, idempotencyKey }),
    [setStored, idempotencyKey],
  );
  const clear = useCallback(() => {
    setStored(null);
    setFreshKey(newIdempotencyKey());
  }, [setStored]);

  const text = stored ? { summary: stored.summary, description: stored.description } : null;
  return { text, idempotencyKey, save, clear };
}
