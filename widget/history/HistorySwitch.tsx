import { useEffect, useRef, useState, type ComponentType } from "react";
import type { ListedTicket } from "../../contract/index.ts";
import type { ApiClient } from "../api/createApiClient.ts";
import { useMessages } from "../messages/useMessages.ts";
import type { TicketListViewProps } from "./TicketListView.tsx";

// The list is its own chunk, fetched on intent (pointer or focus on the button) or on open.
const loadList = (): Promise<ComponentType<TicketListViewProps>> =>
  import("./TicketListView.tsx").then((module) => module.TicketListView);

/**
 * The "Your tickets" button while the form shows, and the list in its place while open
 * (the form stays mounted, hidden, so its draft and files stay as they were). Back returns
 * focus to the button.
 */
export function HistorySwitch(props: {
  open: boolean;
  onOpenChange(open: boolean): void;
  client: ApiClient;
  customerKey: string | null;
  justSent: ListedTicket | null;
  onSendAgain(summary: string): void;
}) {
  const { messages } = useMessages();
  const [List, setList] = useState<ComponentType<TicketListViewProps> | null>(null);
  const [failed, setFailed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(props.open);
  const { open } = props;

  useEffect(() => {
    if (!open || List) return;
    let live = true;
    setFailed(false);
    loadList().then(
      (loaded) => live && setList(() => loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [open, List]);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const prefetch = (): void => void loadList().catch(() => undefined);
  if (!open) {
    return (
      <div className="rhw-history-entry">
        <button
          ref={button}
          type="button"
          className="rhw-secondary"
          onPointerEnter={prefetch}
          onFocus={prefetch}
          onClick={() => props.onOpenChange(true)}
        >
          {messages.yourTickets}
        </button>
      </div>
    );
  }
  if (failed) {
    return (
      <div className="rhw-notice" role="status">
        <p>{messages.networkError}</p>
        <button type="button" className="rhw-secondary" onClick={() => props.onOpenChange(false)}>
          {messages.close}
        </button>
      </div>
    );
  }
  if (!List || props.customerKey === null) return <p className="rhw-muted" role="status" />;
  return (
    <List
      client={props.client}
      customerKey={props.customerKey}
      justSent={props.justSent}
      onBack={() => props.onOpenChange(false)}
      onSendAgain={props.onSendAgain}
    />
  );
}
