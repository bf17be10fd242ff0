import { readStored, writeStored } from "../storage/sessionStore.ts";

/** What the user chose for one draft's technical details. */
export interface ContextChoices {
  /** "Include technical details" is checked. */
  include: boolean;
  /** The items taken out (see `DetailId`). */
  removed: readonly string[];
}

/** A new draft's: everything included, nothing removed. */
export const DEFAULT_CHOICES: ContextChoices = { include: true, removed: [] };

function isChoices(value: unknown): value is ContextChoices {
  const choices = value as Partial<ContextChoices> | null;
  return (
    typeof choices?.include === "boolean" &&
    Array.isArray(choices.removed) &&
    choices.removed.every((id) => typeof id === "string")
  );
}

// Per draft (its idempotency key), so a reload keeps them with the draft's text; and the
// last sent ticket's per customer, so "Try again" resends it as the user left it.
const draftSlot = (draftKey: string): string => `details/${draftKey}`;
const sentSlot = (customerKey: string): string => `details-sent/${customerKey}`;

/** The draft's choices; for a ticket sent again, those it was sent with. */
export function readChoices(draftKey: string, resendOf: string | null): ContextChoices {
  return (
    readStored(draftSlot(draftKey), isChoices) ??
    (resendOf === null ? null : readStored(sentSlot(resendOf), isChoices)) ??
    DEFAULT_CHOICES
  );
}

/** Keeps the draft's choices (a default one takes no room). */
export function writeChoices(draftKey: string, choices: ContextChoices): void {
  const isDefault = choices.include && choices.removed.length === 0;
  writeStored(draftSlot(draftKey), isDefault ? null : choices);
}

/** After a send was accepted: the choices follow the sent ticket, not the next draft. */
export function choicesSent(draftKey: string, customerKey: string, choices: ContextChoices): void {
  writeStored(draftSlot(draftKey), null);
  writeStored(sentSlot(customerKey), choices);
}
