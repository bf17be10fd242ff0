import type { Ref } from "react";
import { Icon } from "../ui/Icon.tsx";
import { useMessages } from "../messages/useMessages.ts";

/**
 * The floating button that opens and closes the dialog (accessible name "Help"). While a
 * screen recording runs it says so ("Help — recording", with a red dot): closing the dialog
 * does not stop a recording, and this is what stays on the page.
 */
export function Launcher(props: {
  open: boolean;
  dialogId: string;
  onToggle(): void;
  recording: boolean;
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
      {props.recording ? (
        <span className="rhw-launcher-dot" aria-hidden="true" />
      ) : (
        <Icon name="help" size={22} />
      )}
      <span>{props.recording ? messages.launcherRecording : messages.launcher}</span>
    </button>
  );
}
