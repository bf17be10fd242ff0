import type { FileRejectionCode, Ticket } from "../../contract/index.ts";
import type { ApiClientError } from "../api/ApiClientError.ts";
import type { CaptureInProgress } from "./CaptureInProgress.ts";

/** The ticket's text fields (the form's values). */
export interface TicketText {
  summary: string;
  description: string;
}

/** A file the user offered, attached or refused (a refused one is listed, never sent). */
export interface Attachment {
  id: string;
  file: File;
  rejection: FileRejectionCode | null;
}

/** Where the current send stands. */
export type SendState =
  | { phase: "idle" }
  | { phase: "sending"; percent: number }
  | { phase: "refused"; error: ApiClientError }
  | { phase: "cancelled" };

/** How one call to `send` ended. */
export type SendOutcome =
  | { kind: "accepted"; ticket: Ticket }
  | { kind: "refused"; error: ApiClientError }
  | { kind: "cancelled" }
  /** Another send was still in flight; nothing was sent. */
  | { kind: "busy" };

/** The ticket last sent from this tab, and what it said (for "Try again" after a reload). */
export interface LastTicketRecord {
  ticket: Ticket;
  summary: string;
  description: string;
  /** How many files went with it: files do not survive a reload and must be re-added. */
  fileCount: number;
}

/** What is known of the followed ticket now (its status is `ticket.status`). */
export interface FollowedTicket {
  ticket: Ticket | null;
  /** Asking failed and is being retried with backoff. */
  trouble: boolean;
  /** Asking failed for good (e.g. TICKET_NOT_FOUND). */
  error: ApiClientError | null;
}

/** How the current form started: empty, from the draft, or with a failed ticket's text. */
export interface FormStart {
  /** Counts the forms started; a new one is a fresh form (its React key). */
  generation: number;
  /** Text to start with instead of the stored draft. */
  seed: TicketText | null;
  /** Send at once ("Try again" with every file still at hand). */
  autoSubmit: boolean;
  /** The failed ticket's files were lost with a reload: the user must add them again. */
  filesLost: boolean;
}

/** The unsent ticket: its text (stored, `null` when there is none) and its idempotency key. */
export interface DraftState {
  text: TicketText | null;
  /** Sent as `Idempotency-Key`; the same for every attempt until a 202 clears the draft. */
  idempotencyKey: string;
}

/**
 * Everything the ticket flow shows, as one immutable value: the same object until something
 * in it changes, so a view compares snapshots by identity.
 */
export interface TicketFlowSnapshot {
  /** Whose draft and tickets these are (a hash of the token's `sub`); `null` until known. */
  customerKey: string | null;
  draft: DraftState;
  /** Every file offered, attached or refused, in the order offered. */
  attachments: readonly Attachment[];
  /** The files a send would carry now (the attached ones). */
  files: readonly File[];
  /** A screenshot or recording being made for this draft, not attached yet. */
  capture: CaptureInProgress | null;
  send: SendState;
  /** The ticket last sent from this tab (stored), `null` while the form is shown. */
  last: LastTicketRecord | null;
  /** What is known of the last ticket now. */
  followed: FollowedTicket;
  form: FormStart;
}

/** The host page's callbacks (see HelpWidgetOptions). */
export interface TicketFlowHost {
  onSubmitted?(ticket: Ticket): void;
  onStatusChange?(ticket: Ticket): void;
}

/**
 * Who the customer is (the widget's token source). The flow follows its customer key: a
 * new known key is another customer (see TicketFlowCore.setCustomer).
 */
export interface CustomerIdentity {
  getState(): { customerKey: string | null };
  subscribe(listener: () => void): () => void;
}

/** Where the flow keeps what survives a reload (sessionStorage in the browser). */
export interface FlowStorage {
  /** The value under `key`, or `null` when absent or not `isValid`. */
  read<T>(key: string, isValid: (value: unknown) => value is T): T | null;
  /** Stores `value` under `key`; `null` removes it. */
  write(key: string, value: unknown): void;
}

/** Whether the page is shown; the status is not asked for while it is hidden. */
export interface Visibility {
  isVisible(): boolean;
  subscribe(onChange: () => void): () => void;
}

/** The time, for telling a held long poll from a quick answer. */
export interface Clock {
  now(): number;
}
