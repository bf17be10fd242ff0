import type { CaptureInProgress } from "../core/CaptureInProgress.ts";
import type { Attachment } from "../core/ticketFlowTypes.ts";

export type { Attachment } from "../core/ticketFlowTypes.ts";

/**
 * The draft's files as the form sees them: attached ones (sent) and refused ones (listed
 * with a reason). They live in the ticket flow's core (createTicketFlow), in memory: a File
 * cannot be kept in sessionStorage. Each file is judged once, when added, by the contract's
 * rules; a refused one is listed and never sent.
 */
export interface Attachments {
  items: readonly Attachment[];
  /** The files that will be sent, as of this render. */
  files: readonly File[];
  /** The files that will be sent, as of now (an add in this tick included). */
  attached(): readonly File[];
  /** Judges and lists new files; returns how each was judged. */
  add(files: readonly File[]): readonly Attachment[];
  remove(id: string): void;
  /** A screenshot or recording being made for this draft, not attached yet. */
  inProgress: CaptureInProgress | null;
  setInProgress(capture: CaptureInProgress | null): void;
}
