import type { Ref } from "react";
import { Icon } from "../ui/Icon.tsx";
import { useMessages } from "../messages/useMessages.ts";

/** The floating button that opens and closes the dialog (accessible name "Help"). */
export function Launcher(props: {
  open: boolean;
  dialogId: string;
  onToggle(): void;
  ref?: Ref<HTMLButtonElement>;
}) {
  const { messages } = useMessages();
  return (
    <button
      ref={props.ref}
      type="button"
      className="rhw-launcher"
      aria-expanded={props.open}
      aria-haspopup="dialog"
      aria-controls={props.dialogId}
      onClick={props.onToggle}
    >
      <Icon name="help" size={22} />
      <span>{messages.launcher}</span>
    </button>
  );
}
