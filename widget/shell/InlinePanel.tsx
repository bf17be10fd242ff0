import { useId, type ReactNode, type RefObject } from "react";
import { useMessages } from "../messages/useMessages.ts";

/** The widget laid out inline in the host page (`target` or `inline`): a labelled region. */
export function InlinePanel(props: {
  panelRef: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const { messages } = useMessages();
  const titleId = useId();
  return (
    <section
      ref={(element) => {
        props.panelRef.current = element;
      }}
      className="rhw-panel rhw-inline"
      aria-labelledby={titleId}
    >
      <header className="rhw-header">
        <h2 id={titleId} className="rhw-title">
          {messages.dialogTitle}
        </h2>
      </header>
      <div className="rhw-body">{props.children}</div>
    </section>
  );
}
