import { useLayoutEffect, useRef } from "react";
import type { Ticket } from "../../contract/index.ts";
import type { ApiClientError } from "../api/ApiClientError.ts";
import { CopyButton } from "../ui/CopyButton.tsx";
import { Icon } from "../ui/Icon.tsx";
import { errorText } from "../messages/index.ts";
import { useMessages } from "../messages/useMessages.ts";

/**
 * The sent ticket's fate, rendered inside the panel's live region: PENDING while Ripio
 * registers it; CREATED with the issueKey prominent, copyable, and the note that replies
 * come by email; FAILED with "Try again".
 */
export function TicketStatusView(props: {
  ticket: Ticket;
  trouble: boolean;
  error: ApiClientError | null;
  focusOnMount: boolean;
  onTryAgain(): void;
  onSendAnother(): void;
}) {
  const { messages } = useMessages();
  const { ticket } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const keyRef = useRef<HTMLParagraphElement>(null);
  const focusOnMount = useRef(props.focusOnMount);
  useLayoutEffect(() => {
    // The form that had focus is gone; give it to the news instead of the page body, in the
    // same commit (a passive effect runs after the next paint on Preact).
    if (focusOnMount.current) heading.current?.focus();
  }, []);

  const title =
    ticket.status === "PENDING"
      ? messages.statusPending
      : ticket.status === "CREATED"
        ? messages.statusCreated
        : messages.statusFailed;

  return (
    <div className="rhw-status" data-status={ticket.status}>
      <h3 ref={heading} className="rhw-status-title" tabIndex={-1} data-autofocus="">
        {ticket.status === "PENDING" ? <span className="rhw-spinner" aria-hidden="true" /> : null}
        {ticket.status === "CREATED" ? <Icon name="check" /> : null}
        {ticket.status === "FAILED" ? <Icon name="alert" /> : null}
        {title}
      </h3>
      {ticket.status === "PENDING" ? <p>{messages.statusPendingDetail}</p> : null}
      {ticket.status === "CREATED" && ticket.issueKey !== null ? (
        <div className="rhw-issue">
          <p className="rhw-issue-label">{messages.issueKeyLabel}</p>
          <div className="rhw-issue-row">
            <p ref={keyRef} className="rhw-issue-key">
              {ticket.issueKey}
            </p>
            <CopyButton text={ticket.issueKey} fallbackTarget={keyRef} />
          </div>
        </div>
      ) : null}
      {ticket.status === "CREATED" ? <p className="rhw-email-note">{messages.emailNote}</p> : null}
      {ticket.status === "FAILED" ? <p>{messages.statusFailedDetail}</p> : null}
      {props.trouble ? <p className="rhw-muted">{messages.statusTrouble}</p> : null}
      {props.error ? <p className="rhw-error">{errorText(messages, props.error.code)}</p> : null}
      <div className="rhw-actions">
        {ticket.status === "FAILED" ? (
          <button type="button" className="rhw-primary" onClick={props.onTryAgain}>
            {messages.tryAgain}
          </button>
        ) : null}
        <button type="button" className="rhw-secondary" onClick={props.onSendAnother}>
          {messages.sendAnother}
        </button>
      </div>
    </div>
  );
}
