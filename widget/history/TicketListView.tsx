import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import type { ListedTicket } from "../../contract/index.ts";
import type { ApiClient } from "../api/createApiClient.ts";
import { injectStyles } from "../shell/injectStyles.ts";
import { getHistoryMessages } from "../messages/historyCatalogue.ts";
import type { HistoryMessages } from "../messages/HistoryMessages.ts";
import { fill, languageTag } from "../messages/index.ts";
import { useMessages } from "../messages/useMessages.ts";
import { CopyButton } from "../ui/CopyButton.tsx";
import { Icon } from "../ui/Icon.tsx";
import { formatExact, formatRelative } from "./formatWhen.ts";
import { historyCss } from "./historyCss.ts";
import { useTicketList } from "./useTicketList.ts";

/** What the list view needs from the widget. */
export interface TicketListViewProps {
  client: ApiClient;
  customerKey: string;
  /** The ticket just sent from this widget, if any: shown at the top at once. */
  justSent: ListedTicket | null;
  onBack(): void;
  /** "Send again": the form, with this summary filled in. */
  onSendAgain(summary: string): void;
  /** The clock, for "5 minutes ago" (tests and the gallery fix it). */
  now?: () => number;
}

/**
 * "Your tickets": the customer's tickets, newest first, each with its summary, when it was
 * sent, its status in words (the issue key once registered, with Copy; Send again when not),
 * and Remove from list (confirmed once). Show more pages on; PENDING rows turn live.
 */
export function TicketListView(props: TicketListViewProps) {
  const { locale, messages } = useMessages();
  const text = getHistoryMessages(locale);
  const { state, list } = useTicketList(props.client, props.customerKey);
  const root = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => {
    // The list's CSS joins the widget's shadow root while shown (its nonce, if any, too).
    const shadow = root.current?.getRootNode();
    if (!(shadow instanceof ShadowRoot)) return;
    return injectStyles(shadow, historyCss, shadow.querySelector("style")?.nonce);
  }, []);
  useLayoutEffect(() => heading.current?.focus(), []);

  const { justSent } = props;
  useLayoutEffect(() => {
    if (justSent) list.noteSent(justSent);
  }, [justSent, list]);

  const now = (props.now ?? Date.now)();
  const tag = languageTag(locale);
  const notice = state.notice === null ? "" : text[state.notice];

  return (
    <section ref={root} className="rhw-history" aria-labelledby={headingId}>
      <div className="rhw-history-head">
        <button type="button" className="rhw-secondary" onClick={props.onBack}>
          {text.back}
        </button>
        <h3 ref={heading} id={headingId} className="rhw-history-title" tabIndex={-1}>
          {text.heading}
        </h3>
      </div>
      {state.phase === "failed" ? (
        <div className="rhw-notice" role="status">
          <Icon name="alert" />
          <p>{text.loadFailed}</p>
          <button type="button" className="rhw-secondary" onClick={list.refresh}>
            {messages.retry}
          </button>
        </div>
      ) : null}
      {state.phase === "loading" && state.tickets.length === 0 ? (
        <p className="rhw-muted" role="status">
          {text.loading}
        </p>
      ) : null}
      {state.phase === "ready" && state.tickets.length === 0 ? (
        <p className="rhw-muted">{text.empty}</p>
      ) : null}
      {state.tickets.length > 0 ? (
        <ul className="rhw-history-list" aria-labelledby={headingId}>
          {state.tickets.map((ticket) => (
            <TicketRow
              key={ticket.ticketId}
              ticket={ticket}
              text={text}
              now={now}
              tag={tag}
              onSendAgain={props.onSendAgain}
              onRemove={async (ticketId) => {
                await list.remove(ticketId);
                // The row and its focused button are gone: the list's heading takes focus.
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      ) : null}
      {state.next !== null ? (
        <button
          type="button"
          className="rhw-secondary"
          aria-disabled={state.loadingMore}
          onClick={list.showMore}
        >
          {text.showMore}
        </button>
      ) : null}
      <p className="rhw-visually-hidden" role="status">
        {notice}
      </p>
    </section>
  );
}

function TicketRow(props: {
  ticket: ListedTicket;
  text: HistoryMessages;
  now: number;
  tag: string;
  onSendAgain(summary: string): void;
  onRemove(ticketId: string): Promise<void>;
}) {
  const { ticket, text, tag } = props;
  const [confirming, setConfirming] = useState(false);
  const keyRef = useRef<HTMLSpanElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const summaryId = useId();
  const exactId = useId();
  const exact = formatExact(ticket.createdAt, tag);
  useLayoutEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const word =
    ticket.status === "PENDING"
      ? text.pending
      : ticket.status === "CREATED"
        ? text.created
        : text.failed;

  return (
    <li className="rhw-ticket" data-status={ticket.status}>
      <p id={summaryId} className="rhw-ticket-summary">
        {ticket.summary}
      </p>
      <p className="rhw-ticket-meta">
        <time
          className="rhw-time"
          dateTime={ticket.createdAt}
          title={exact}
          tabIndex={0}
          aria-describedby={exactId}
        >
          {fill(text.sent, { time: formatRelative(ticket.createdAt, props.now, tag) })}
        </time>
        <span id={exactId} hidden>
          {exact}
        </span>
        {ticket.attachmentCount > 0
          ? ` · ${fill(text.files, { count: ticket.attachmentCount })}`
          : ""}
      </p>
      <div className="rhw-ticket-state">
        {ticket.status === "PENDING" ? <span className="rhw-spinner" aria-hidden="true" /> : null}
        <span className="rhw-ticket-word">{word}</span>
        {ticket.status === "CREATED" && ticket.issueKey !== null ? (
          <>
            <span ref={keyRef} className="rhw-ticket-key">
              {ticket.issueKey}
            </span>
            <CopyButton text={ticket.issueKey} fallbackTarget={keyRef} />
          </>
        ) : null}
      </div>
      {confirming ? (
        <div className="rhw-confirm" role="group" aria-labelledby={`${summaryId}-confirm`}>
          <p id={`${summaryId}-confirm`}>{fill(text.confirmRemove, { summary: ticket.summary })}</p>
          <div className="rhw-actions">
            <button
              ref={confirmRef}
              type="button"
              className="rhw-primary"
              onClick={() => void props.onRemove(ticket.ticketId)}
            >
              {text.confirmYes}
            </button>
            <button
              type="button"
              className="rhw-secondary"
              onClick={() => {
                setConfirming(false);
                removeRef.current?.focus();
              }}
            >
              {text.confirmNo}
            </button>
          </div>
        </div>
      ) : (
        <div className="rhw-actions">
          {ticket.status === "FAILED" ? (
            <button
              type="button"
              className="rhw-secondary"
              aria-describedby={summaryId}
              onClick={() => props.onSendAgain(ticket.summary)}
            >
              {text.sendAgain}
            </button>
          ) : null}
          <button
            ref={removeRef}
            type="button"
            className="rhw-secondary"
            aria-describedby={summaryId}
            onClick={() => setConfirming(true)}
          >
            {text.remove}
          </button>
        </div>
      )}
    </li>
  );
}
