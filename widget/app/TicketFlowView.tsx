import type { RefObject } from "react";
import { TicketForm } from "../form/TicketForm.tsx";
import { TicketStatusView } from "../status/TicketStatusView.tsx";
import { useMessages } from "../messages/useMessages.ts";
import type { TicketFlow } from "./toTicketFlow.ts";

const EMPTY = { summary: "", description: "" };

/**
 * The panel's content: the live region with the last ticket's fate, or the form. Focus
 * moves into whichever appears after the first (a sent ticket, a form started again).
 */
export function TicketFlowView(props: {
  flow: TicketFlow;
  /** The panel is on screen (open dialog or inline). */
  shown: boolean;
  pasteRoot: RefObject<HTMLElement | null>;
}) {
  const { messages } = useMessages();
  const { flow, shown } = props;
  const { last, followed, form, draft, submitter } = flow;
  const focusOnMount = shown && form.generation > 0;
  return (
    <>
      <div role="status" className="rhw-live">
        {last && followed.ticket ? (
          <TicketStatusView
            ticket={followed.ticket}
            trouble={followed.trouble}
            error={followed.error}
            focusOnMount={focusOnMount}
            onTryAgain={flow.tryAgain}
            onSendAnother={flow.sendAnother}
          />
        ) : null}
      </div>
      {last ? null : (
        <TicketForm
          key={`${flow.customerKey ?? "?"}:${form.generation}`}
          initial={form.seed ?? draft.text ?? EMPTY}
          attachments={flow.attachments}
          sendState={submitter.state}
          onSend={flow.send}
          onCancel={submitter.cancel}
          onDismiss={submitter.dismiss}
          onDraftChange={draft.save}
          autoSubmit={form.autoSubmit}
          focusOnMount={focusOnMount}
          notice={form.filesLost ? messages.resumeNeedsFiles : null}
          pasteRoot={props.pasteRoot}
        />
      )}
    </>
  );
}
