import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Dialog } from "../shell/Dialog.tsx";
import type { HelpWidgetOptions, OpenStateProps } from "./HelpWidgetOptions.ts";
import { InlinePanel } from "../shell/InlinePanel.tsx";
import { Launcher } from "../shell/Launcher.tsx";
import { MessagesContext } from "../messages/MessagesContext.ts";
import { getMessages, languageTag, resolveLocale } from "../messages/index.ts";
import { TicketForm } from "../form/TicketForm.tsx";
import type { TicketFormValues } from "../form/ticketResolver.ts";
import { TicketStatusView } from "../status/TicketStatusView.tsx";
import { useAttachments } from "../attachments/useAttachments.ts";
import { useCustomerKey } from "../identity/useCustomerKey.ts";
import { useLastTicket } from "../status/useLastTicket.ts";
import { useLatest } from "./useLatest.ts";
import { useOpenState } from "./useOpenState.ts";
import { useSubmitTicket } from "../form/useSubmitTicket.ts";
import { useTicketDraft } from "../form/useTicketDraft.ts";
import { useTicketStatus } from "../status/useTicketStatus.ts";
import { useWidgetClient } from "./useWidgetClient.ts";

const EMPTY: TicketFormValues = { summary: "", description: "" };

/** How the next form starts: empty, from the draft, or with a failed ticket's text. */
interface FormStart {
  generation: number;
  seed: TicketFormValues | null;
  autoSubmit: boolean;
  notice: string | null;
}

/**
 * Everything inside the widget, wired together: the customer's draft and last ticket,
 * the form or the ticket's status, the launcher and the dialog (or the inline panel).
 */
export function HelpWidgetContent(props: HelpWidgetOptions & OpenStateProps) {
  const locale = resolveLocale(props.locale, globalThis.navigator?.language);
  const messages = getMessages(locale);
  const [open, setOpen] = useOpenState(props);
  const isInline = props.inline === true || props.target !== undefined;
  const { tokens, client } = useWidgetClient(props);
  const customerKey = useCustomerKey(tokens, open || isInline);
  const draft = useTicketDraft(customerKey);
  const [last, setLast] = useLastTicket(customerKey);
  const attachments = useAttachments();
  const submitter = useSubmitTicket(client);
  const status = useTicketStatus(client, last?.ticket ?? null);
  const callbacks = useLatest({
    onSubmitted: props.onSubmitted,
    onStatusChange: props.onStatusChange,
  });
  // Files cannot be stored; those of the ticket just sent stay here for "Try again".
  const sentFiles = useRef<{ ticketId: string; files: readonly File[] } | null>(null);
  const [form, setForm] = useState<FormStart>({
    generation: 0,
    seed: null,
    autoSubmit: false,
    notice: null,
  });
  const panelRef = useRef<HTMLElement | null>(null);
  const launcherRef = useRef<HTMLButtonElement | null>(null);
  const dialogId = useId();

  const followed = status.ticket;
  useEffect(() => {
    if (!last || !followed || followed.ticketId !== last.ticket.ticketId) return;
    if (followed.status === last.ticket.status && followed.issueKey === last.ticket.issueKey)
      return;
    setLast({ ...last, ticket: followed });
    callbacks.current.onStatusChange?.(followed);
  }, [followed, last, setLast, callbacks]);

  const { send } = submitter;
  const { idempotencyKey, clear: clearDraft, save: saveDraft } = draft;
  const onSend = useCallback(
    async (values: TicketFormValues) => {
      const files = attachments.files;
      const outcome = await send({ ...values, files, idempotencyKey });
      if (outcome.kind !== "accepted") return outcome;
      const { ticket } = outcome;
      sentFiles.current = { ticketId: ticket.ticketId, files };
      setLast({ ticket, ...values, fileCount: files.length });
      clearDraft();
      attachments.reset([]);
      setForm((f) => ({
        generation: f.generation + 1,
        seed: null,
        autoSubmit: false,
        notice: null,
      }));
      callbacks.current.onSubmitted?.(ticket);
      return outcome;
    },
    [attachments, send, idempotencyKey, setLast, clearDraft, callbacks],
  );

  const tryAgain = (): void => {
    if (!last) return;
    const kept =
      sentFiles.current?.ticketId === last.ticket.ticketId ? sentFiles.current.files : null;
    const filesLost = kept === null && last.fileCount > 0;
    const seed = { summary: last.summary, description: last.description };
    attachments.reset(kept ?? []);
    saveDraft(seed);
    // Ripio says to retry a FAILED ticket as a new one: the draft's key is already a new one.
    setForm((f) => ({
      generation: f.generation + 1,
      seed,
      autoSubmit: !filesLost,
      notice: filesLost ? messages.resumeNeedsFiles : null,
    }));
    setLast(null);
  };
  const sendAnother = (): void => {
    setLast(null);
    setForm((f) => ({ generation: f.generation + 1, seed: null, autoSubmit: false, notice: null }));
  };

  const body = (
    <>
      <div role="status" className="rhw-live">
        {last && followed ? (
          <TicketStatusView
            ticket={followed}
            trouble={status.trouble}
            error={status.error}
            focusOnMount={(open || isInline) && form.generation > 0}
            onTryAgain={tryAgain}
            onSendAnother={sendAnother}
          />
        ) : null}
      </div>
      {last ? null : (
        <TicketForm
          key={`${customerKey ?? "?"}:${form.generation}`}
          initial={form.seed ?? draft.text ?? EMPTY}
          attachments={attachments}
          sendState={submitter.state}
          onSend={onSend}
          onCancel={submitter.cancel}
          onDismiss={submitter.dismiss}
          onDraftChange={saveDraft}
          autoSubmit={form.autoSubmit}
          focusOnMount={(open || isInline) && form.generation > 0}
          notice={form.notice}
          pasteRoot={panelRef}
        />
      )}
    </>
  );

  return (
    <MessagesContext value={{ locale, messages }}>
      <div
        className="rhw-root"
        lang={languageTag(locale)}
        dir="ltr"
        data-theme={props.theme ?? "auto"}
        data-position={props.position ?? "bottom-right"}
        data-layout={isInline ? "inline" : "floating"}
      >
        {isInline ? (
          <InlinePanel panelRef={panelRef}>{body}</InlinePanel>
        ) : (
          <>
            <Dialog
              id={dialogId}
              open={open}
              onClose={() => setOpen(false)}
              panelRef={panelRef}
              returnFocusTo={launcherRef}
            >
              {body}
            </Dialog>
            {props.launcher === false ? null : (
              <Launcher
                ref={launcherRef}
                open={open}
                dialogId={dialogId}
                onToggle={() => setOpen(!open)}
              />
            )}
          </>
        )}
      </div>
    </MessagesContext>
  );
}
