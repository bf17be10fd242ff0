import {
  useId,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { Icon } from "../ui/Icon.tsx";
import { activeElementOf, focusableIn, useFocusTrap } from "./useFocusTrap.ts";
import { useMessages } from "../messages/useMessages.ts";

/**
 * Focus back to the launcher, read when the dialog closes (on React a dialog that starts open
 * runs its first layout effect before the launcher, later in the tree, has its ref), else to
 * what had it before the dialog opened.
 */
function returnFocusFrom(launcher: RefObject<HTMLElement | null>, before: HTMLElement | null) {
  const target = launcher.current?.isConnected ? launcher.current : before;
  target?.focus();
}

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

  // Set while open: what had focus before, where focus goes back to if there is no launcher.
  const returnTo = useRef<{ before: HTMLElement | null } | null>(null);
  // Focus moves in the commit that opens or closes the dialog, from a layout effect's body: a
  // passive effect would move it a frame later on Preact (it runs those after the next paint),
  // and React puts focus back where it was after a commit whose cleanups moved it.
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    if (open) {
      // Focus inside a shadow root shows as the host on `document`: ask the panel's own root.
      const before = activeElementOf(panel) ?? document.activeElement;
      returnTo.current = { before: before instanceof HTMLElement ? before : null };
      // Something being made (a recording's Stop, a screenshot's editor) before the form.
      const first =
        panel.querySelector<HTMLElement>('[data-autofocus="first"]') ??
        panel.querySelector<HTMLElement>("[data-autofocus]") ??
        focusableIn(panel)[0];
      first?.focus();
    } else if (returnTo.current) {
      returnFocusFrom(returnFocusTo, returnTo.current.before);
      returnTo.current = null;
    }
  }, [open, panelRef, returnFocusTo]);
  // Unmounted while open: the focused element goes with it, so nothing is put back over this.
  useLayoutEffect(
    () => () => {
      if (returnTo.current) returnFocusFrom(returnFocusTo, returnTo.current.before);
    },
    [returnFocusTo],
  );

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
