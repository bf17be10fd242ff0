import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { useForm, useWatch } from "react-hook-form";
import {
  TICKET_LIMITS,
  checkDescription,
  checkSummary,
  countChars,
  isErrorCode,
  type ErrorCode,
  type TicketContext,
} from "../../contract/index.ts";
import type { ApiClientError } from "../api/ApiClientError.ts";
import { AttachmentsField } from "../attachments/AttachmentsField.tsx";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { errorText } from "../messages/index.ts";
import { TextField } from "./TextField.tsx";
import { ticketResolver, type TicketFormValues } from "./ticketResolver.ts";
import { UploadProgress } from "./UploadProgress.tsx";
import type { Attachments } from "../attachments/Attachments.ts";
import { useMessages } from "../messages/useMessages.ts";
import { useFileRefusal } from "../attachments/useFileRefusal.ts";
import type { SendOutcome, SendState } from "../core/ticketFlowTypes.ts";
import { TechnicalDetails } from "../context/TechnicalDetails.tsx";
import { useTechnicalDetails } from "../context/useTechnicalDetails.ts";

/**
 * The ticket form: Summary, Description, Attachments, Send. Rules come from the contract
 * through `ticketResolver`; a refusal keeps everything typed and attached, and lands under
 * the field it concerns (a file's fault on that file), or above Send with Retry.
 */
export function TicketForm(props: {
  initial: TicketFormValues;
  attachments: Attachments;
  sendState: SendState;
  /** `context`: the technical details gathered at Send, `null` when none go. */
  onSend(values: TicketFormValues, context: TicketContext | null): Promise<SendOutcome>;
  onCancel(): void;
  onDismiss(): void;
  onDraftChange(values: TicketFormValues): void;
  /** Send at once on mount ("Try again" with the same draft). */
  autoSubmit: boolean;
  /** Focus Summary on mount (the form came back after a sent ticket). */
  focusOnMount: boolean;
  notice: string | null;
  pasteRoot: RefObject<HTMLElement | null>;
}) {
  const { messages } = useMessages();
  const { attachments, sendState, onDraftChange, onSend } = props;
  const fileRefusal = useFileRefusal();
  const details = useTechnicalDetails();
  const sending = sendState.phase === "sending";
  const { register, handleSubmit, control, formState, setError, setFocus, watch } =
    useForm<TicketFormValues>({
      defaultValues: props.initial,
      resolver: ticketResolver,
      mode: "onTouched",
    });
  const summary = useWatch({ control, name: "summary" });
  const description = useWatch({ control, name: "description" });
  const sendButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const subscription = watch((values) =>
      onDraftChange({ summary: values.summary ?? "", description: values.description ?? "" }),
    );
    return () => subscription.unsubscribe();
  }, [watch, onDraftChange]);

  const applyRefusal = useCallback(
    (error: ApiClientError) => {
      if (error.field === "summary" || error.field === "description") {
        setError(error.field, { type: "server", message: error.code }, { shouldFocus: true });
        return;
      }
      if (error.field !== "attachments") return;
      fileRefusal.apply(error);
      // The refusal is written under the field, which may be below the fold: go there.
      form.current?.querySelector<HTMLInputElement>('input[type="file"]')?.focus();
    },
    [fileRefusal, setError],
  );

  const { inProgress } = attachments;
  const submit = useCallback(
    () =>
      handleSubmit(async (values) => {
        // A capture still being made goes first: a recording is stopped and attached, an open
        // screenshot editor is pointed to. The form moves on after a send, and must lose neither.
        if (inProgress && !(await inProgress.settle())) return;
        const outcome = await onSend(values, await details.gather());
        if (outcome.kind === "accepted") details.sent();
        if (outcome.kind === "refused") applyRefusal(outcome.error);
        if (outcome.kind === "cancelled") sendButton.current?.focus();
      })(),
    [handleSubmit, applyRefusal, onSend, inProgress, details],
  );

  const autoSubmitted = useRef(false);
  useEffect(() => {
    if (props.autoSubmit && !autoSubmitted.current) {
      autoSubmitted.current = true;
      void submit();
    }
  }, [props.autoSubmit, submit]);
  const focusOnMount = useRef(props.focusOnMount);
  // In the commit, not after the next paint (see Dialog): no frame with focus on the page body.
  useLayoutEffect(() => {
    if (focusOnMount.current) setFocus("summary");
  }, [setFocus]);

  const fieldError = (message: string | undefined, fallback: ErrorCode | null): string | null => {
    const code = message !== undefined && isErrorCode(message) ? message : fallback;
    return code === null ? null : errorText(messages, code);
  };
  // Over the limit is shown while typing, not only after leaving the field.
  const overSummary = checkSummary(summary) === "SUMMARY_TOO_LONG" ? "SUMMARY_TOO_LONG" : null;
  const overDescription =
    checkDescription(description) === "DESCRIPTION_TOO_LONG" ? "DESCRIPTION_TOO_LONG" : null;
  const refused =
    sendState.phase === "refused" && [undefined, "context"].includes(sendState.error.field)
      ? sendState.error
      : null;
  // Any change to the files answers the previous complaint about them.
  const filesChanged = (): void => fileRefusal.clear();

  return (
    <form
      ref={form}
      className="rhw-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!sending) void submit();
      }}
      // `input`, not onChange: React's onChange on a form hears every keystroke below it, but
      // Preact's is the native `change`, which waits for blur. `input` bubbles in both.
      onInput={() => {
        if (sendState.phase === "cancelled") props.onDismiss();
      }}
    >
      <p className="rhw-intro">{messages.intro}</p>
      {props.notice ? <p className="rhw-notice">{props.notice}</p> : null}
      <TextField
        label={messages.summaryLabel}
        hint={messages.summaryHint}
        registration={register("summary")}
        count={countChars(summary)}
        max={TICKET_LIMITS.summaryMaxChars}
        error={fieldError(formState.errors.summary?.message, overSummary)}
        autoFocusTarget
      />
      <TextField
        label={messages.descriptionLabel}
        hint={messages.descriptionHint}
        multiline
        registration={register("description")}
        count={countChars(description)}
        max={TICKET_LIMITS.descriptionMaxChars}
        error={fieldError(formState.errors.description?.message, overDescription)}
      />
      <TechnicalDetails details={details} disabled={sending} />
      <AttachmentsField
        attachments={{
          ...attachments,
          add: (files) => {
            filesChanged();
            return attachments.add(files);
          },
          remove: (id) => {
            filesChanged();
            attachments.remove(id);
          },
        }}
        error={fileRefusal.text}
        disabled={sending}
        pasteRoot={props.pasteRoot}
      />
      {refused ? <ErrorNotice error={refused} onRetry={() => void submit()} /> : null}
      <div aria-live="polite">
        {sendState.phase === "cancelled" ? (
          <p className="rhw-notice">{messages.cancelled}</p>
        ) : null}
      </div>
      {sendState.phase === "sending" ? (
        <UploadProgress percent={sendState.percent} onCancel={props.onCancel} />
      ) : null}
      <div className="rhw-actions">
        <button ref={sendButton} type="submit" className="rhw-primary" aria-disabled={sending}>
          {messages.send}
        </button>
      </div>
    </form>
  );
}
