import type { Attachments } from "../attachments/Attachments.ts";
import type { TicketFlowCore } from "../core/createTicketFlow.ts";
import type {
  FollowedTicket,
  FormStart,
  LastTicketRecord,
  SendOutcome,
  SendState,
  TicketFlowSnapshot,
} from "../core/ticketFlowTypes.ts";
import type { TicketContext } from "../../contract/index.ts";
import type { TicketFormValues } from "../form/ticketResolver.ts";

/** The unsent ticket as the form sees it. */
export interface TicketDraft {
  /** The stored text, `null` when there is none. */
  text: TicketFormValues | null;
  idempotencyKey: string;
  save(text: TicketFormValues): void;
}

/** Sending a ticket: one at a time, with upload progress and cancel. */
export interface SubmitTicket {
  state: SendState;
  cancel(): void;
  /** Forgets a refusal or cancellation (the user changed something). */
  dismiss(): void;
}

/** One customer's way through a ticket, as the views take it (one snapshot's worth). */
export interface TicketFlow {
  customerKey: string | null;
  draft: TicketDraft;
  attachments: Attachments;
  submitter: SubmitTicket;
  /** The ticket last sent from this tab (stored), `null` while the form is shown. */
  last: LastTicketRecord | null;
  /** What is known of the last ticket now. */
  followed: FollowedTicket;
  form: FormStart;
  send(values: TicketFormValues, context: TicketContext | null): Promise<SendOutcome>;
  /** A FAILED ticket: back to the form with its text (and files, sent again at once). */
  tryAgain(): void;
  /** Back to an empty form. */
  sendAnother(): void;
}

/** The views' shape of one snapshot, its commands bound to `core`. */
export function toTicketFlow(core: TicketFlowCore, snapshot: TicketFlowSnapshot): TicketFlow {
  const { draft, send } = snapshot;
  return {
    customerKey: snapshot.customerKey,
    draft: { text: draft.text, idempotencyKey: draft.idempotencyKey, save: core.saveDraft },
    attachments: {
      items: snapshot.attachments,
      files: snapshot.files,
      attached: () => core.getSnapshot().files,
      // Bound to this snapshot's customer: a capture of the previous one's never lands here.
      add: (files) => core.addFiles(files, snapshot.customerKey),
      remove: core.removeFile,
      inProgress: snapshot.capture,
      setInProgress: core.setCapture,
    },
    submitter: { state: send, cancel: core.cancelSend, dismiss: core.dismissSend },
    last: snapshot.last,
    followed: snapshot.followed,
    form: snapshot.form,
    send: core.send,
    tryAgain: core.tryAgain,
    sendAnother: core.sendAnother,
  };
}
