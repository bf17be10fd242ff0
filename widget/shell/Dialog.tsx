import { useEffect, useId, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { Icon } from "../ui/Icon.tsx";
import { activeElementOf, focusableIn, useFocusTrap } from "./useFocusTrap.ts";
import { useMessages } from "../messages/useMessages.ts";

/**
 * The floating dialog ("Contact support"): modal for assistive technology, Tab kept
 * inside, Escape and Close close it, and focus goes back to the launcher (or to whatever
 * had it before opening). Closed, it is hidden but stays mounted, so nothing typed,
 * attached or uploading is lost.
 */
export function Dialog(props: {
  id: string;
  open: boolean;
  onClose(): void;
  panelRef: RefObject<HTMLElement | null>;
  returnFocusTo: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const { messages } = useMessages();
  const titleId = useId();
  const { open, panelRef, returnFocusTo } = props;
  useFocusTrap(panelRef, open);

  useEffect(() => {
    const panel = panelRef.current;
    if (!open || !panel) return;
    // Focus inside a shadow root shows as the host on `document`: ask the panel's own root.
    const before = activeElementOf(panel) ?? document.activeElement;
    const launcher = returnFocusTo.current;
    const first = panel.querySelector<HTMLElement>("[data-autofocus]") ?? focusableIn(panel)[0];
    first?.focus();
    return () => {
      const target = launcher ?? (before instanceof HTMLElement ? before : null);
      target?.focus();
    };
  }, [open, panelRef, returnFocusTo]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    props.onClose();
  };

  return (
    <div
      ref={(element) => {
        panelRef.current = element;
      }}
      id={props.id}
      className="rhw-panel rhw-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      hidden={!open}
      onKeyDown={onKeyDown}
    >
      <header className="rhw-header">
        <h2 id={titleId} className="rhw-title">
          {messages.dialogTitle}
        </h2>
        <button
          type="button"
          className="rhw-icon-button"
          aria-label={messages.close}
          onClick={props.onClose}
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="rhw-body">{props.children}</div>
    </div>
  );
}
