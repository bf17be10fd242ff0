import type { QueryClient } from "@tanstack/query-core";
import type { FileRejectionCode, TicketContext } from "../../contract/index.ts";
import type { ApiClient } from "../api/createApiClient.ts";
import type { CaptureInProgress } from "./CaptureInProgress.ts";
import type {
  Attachment,
  Clock,
  CustomerIdentity,
  FlowStorage,
  SendOutcome,
  TicketFlowHost,
  TicketFlowSnapshot,
  TicketText,
  Visibility,
} from "./ticketFlowTypes.ts";

/** The ticket flow's commands, beside `subscribe` and `getSnapshot`. */
export interface TicketFlowCore {
  /** Calls `listener` after each change; the first subscriber starts following the status. */
  subscribe(listener: () => void): () => void;
  getSnapshot(): TicketFlowSnapshot;
  /**
   * The customer whose flow this is. A known customer other than the one the flow holds is
   * a switch: the send in flight is cancelled, and the draft, files and last ticket shown
   * are dropped for the new customer's own. `null` (not known yet) changes nothing.
   */
  setCustomer(customerKey: string | null): void;
  /** The client for requests from now on (a new apiBase or identity). */
  setClient(client: ApiClient): void;
  /** The host's callbacks from now on. */
  setHost(host: TicketFlowHost): void;
  /** Keeps the draft's text (stored once the customer is known). */
  saveDraft(text: TicketText): void;
  /**
   * Judges and lists new files; returns how each was judged. With `forCustomer`, files meant
   * for another customer's draft (a recording that ends after a switch) are not added.
   */
  addFiles(files: readonly File[], forCustomer?: string | null): readonly Attachment[];
  removeFile(id: string): void;
  /**
   * Marks the file at `index` among the last send's files as refused (the proxy found it at
   * fault); returns it, or `null` when `name` is not that file's.
   */
  refuseSentFile(file: { index: number; name: string }, code: FileRejectionCode): Attachment | null;
  setCapture(capture: CaptureInProgress | null): void;
  /** Sends the draft with the attached files; one send at a time. */
  /** Sends the draft with its files, and the technical details the user left in (if any). */
  send(values: TicketText, context?: TicketContext | null): Promise<SendOutcome>;
  cancelSend(): void;
  /** Forgets a refusal or cancellation (the user changed something). */
  dismissSend(): void;
  /** A FAILED ticket: back to the form with its text (and files, sent again at once). */
  tryAgain(): void;
  /** Back to an empty form. */
  sendAnother(): void;
}

/** What the flow needs from outside: every edge is injected, so tests pass fakes. */
export interface TicketFlowDeps {
  client: ApiClient;
  queryClient: QueryClient;
  storage: FlowStorage;
  visibility: Visibility;
  clock?: Clock;
  host?: TicketFlowHost;
  /** The customer known at the start (see `setCustomer`). */
  customerKey?: string | null;
  /**
   * Followed while subscribed: its changes of customer reach the flow as they happen, so a
   * send that was waiting for the new customer's token is cancelled before it leaves.
   */
  identity?: CustomerIdentity;
  /** A new draft's idempotency key; random by default. */
  newKey?: () => string;
}
