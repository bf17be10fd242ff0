import { useCallback, useEffect, useRef, useState } from "react";
import type { TicketContext } from "../../contract/index.ts";
import type { ApiClient } from "../api/createApiClient.ts";
import { useAttachments, type Attachments } from "../attachments/useAttachments.ts";
import type { TicketFormValues } from "../form/ticketResolver.ts";
import { useSubmitTicket, type SendOutcome, type SubmitTicket } from "../form/useSubmitTicket.ts";
import { useTicketDraft, type TicketDraft } from "../form/useTicketDraft.ts";
import { useLastTicket, type LastTicketRecord } from "../status/useLastTicket.ts";
import { useTicketStatus, type FollowedTicket } from "../status/useTicketStatus.ts";
import type { HelpWidgetOptions } from "./HelpWidgetOptions.ts";
import { useLatest } from "./useLatest.ts";

/** How the current form started: empty, from the draft, or with a failed ticket's text. */
export interface FormStart {
  /** Counts the forms started; a new one is a fresh form (its React key). */
  generation: number;
  /** Text to start with instead of the stored draft. */
  seed: TicketFormValues | null;
  /** Send at once ("Try again" with every file still at hand). */
  autoSubmit: boolean;
  /** The failed ticket's files were lost with a reload: the user must add them again. */
  filesLost: boolean;
}

/** The form at mount: the stored draft's text, nothing sent on its own. */
const FIRST_FORM: FormStart = { generation: 0, seed: null, autoSubmit: false, filesLost: false };

/** One customer's way through a ticket: the draft and its files, sending, then its fate. */
export interface TicketFlow {
  draft: TicketDraft;
  attachments: Attachments;
  submitter: SubmitTicket;
  /** The ticket last sent from this tab (stored), `null` while the form is shown. */
  last: LastTicketRecord | null;
  /** What is known of the last ticket now. */
  followed: FollowedTicket;
  form: FormStart;
  send(values: TicketFormValues, context?: TicketContext | null): Promise<SendOutcome>;
  /** A FAILED ticket: back to the form with its text (and files, sent again at once). */
  tryAgain(): void;
  /** Back to an empty form. */
  sendAnother(): void;
}

/** The host's callbacks; the latest ones given are called (a host may pass new arrows each render). */
type Callbacks = Pick<HelpWidgetOptions, "onSubmitted" | "onStatusChange">;

/**
 * The ticket's life in the widget, apart from how it is shown: keeps the draft and the
 * last ticket per customer, sends, follows the status, tells the host (callbacks), and
 * starts each new form the one way `startForm` does.
 */
export function useTicketFlow(
  client: ApiClient,
  customerKey: string | null,
  callbacks: Callbacks,
): TicketFlow {
  const draft = useTicketDraft(customerKey);
  const [last, setLast] = useLastTicket(customerKey);
  const attachments = useAttachments();
  const submitter = useSubmitTicket(client);
  const followed = useTicketStatus(client, last?.ticket ?? null);
  const host = useLatest(callbacks);
  // Files cannot be stored; those of the ticket just sent stay here for "Try again".
  const sentFiles = useRef<{ ticketId: string; files: readonly File[] } | null>(null);
  const [form, setForm] = useState(FIRST_FORM);
  const startForm = useCallback(
    (start: Partial<Omit<FormStart, "generation">> = {}) =>
      setForm((f) => ({ ...FIRST_FORM, ...start, generation: f.generation + 1 })),
    [],
  );

  const news = followed.ticket;
  useEffect(() => {
    if (!news) return;
    // From the last ticket as last set, not as rendered: if the user has just left it (Try
    // again, Send another) before this effect ran, news of it must not bring it back.
    let changed = false;
    setLast((current) => {
      if (current?.ticket.ticketId !== news.ticketId) return current;
      if (news.status === current.ticket.status && news.issueKey === current.ticket.issueKey)
        return current;
      changed = true;
      return { ...current, ticket: news };
    });
    if (changed) host.current.onStatusChange?.(news);
  }, [news, setLast, host]);

  const { send: submit } = submitter;
  const { idempotencyKey, clear: clearDraft, save: saveDraft } = draft;
  const { attached, reset: resetFiles } = attachments;
  const send = useCallback(
    async (values: TicketFormValues, context: TicketContext | null = null) => {
      // As of now: a recording Send just stopped was attached after this callback was made.
      const files = attached();
      const outcome = await submit({ ...values, files, idempotencyKey, context });
      if (outcome.kind !== "accepted") return outcome;
      const { ticket } = outcome;
      sentFiles.current = { ticketId: ticket.ticketId, files };
      setLast({ ticket, ...values, fileCount: files.length });
      clearDraft();
      resetFiles([]);
      startForm();
      host.current.onSubmitted?.(ticket);
      return outcome;
    },
    [attached, resetFiles, submit, idempotencyKey, setLast, clearDraft, startForm, host],
  );

  const tryAgain = useCallback(() => {
    if (!last) return;
    const kept =
      sentFiles.current?.ticketId === last.ticket.ticketId ? sentFiles.current.files : null;
    const filesLost = kept === null && last.fileCount > 0;
    const seed = { summary: last.summary, description: last.description };
    resetFiles(kept ?? []);
    saveDraft(seed);
    // Ripio says to retry a FAILED ticket as a new one: the draft's key is already a new one.
    startForm({ seed, autoSubmit: !filesLost, filesLost });
    setLast(null);
  }, [last, resetFiles, saveDraft, startForm, setLast]);

  const sendAnother = useCallback(() => {
    setLast(null);
    startForm();
  }, [setLast, startForm]);

  return { draft, attachments, submitter, last, followed, form, send, tryAgain, sendAnother };
}
