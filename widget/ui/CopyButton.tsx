import { useEffect, useState, type RefObject } from "react";
import { useMessages } from "../messages/useMessages.ts";

// Clipboard writes need a secure context and permission; where they fail, selecting the
// text still lets the user copy it with the keyboard.
function selectText(element: HTMLElement | null): void {
  const selection = element?.ownerDocument.getSelection();
  if (!element || !selection) return;
  selection.selectAllChildren(element);
}

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton(props: { text: string; fallbackTarget: RefObject<HTMLElement | null> }) {
  const { messages } = useMessages();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.text);
      setCopied(true);
    } catch {
      selectText(props.fallbackTarget.current);
    }
  };

  return (
    <button type="button" className="rhw-secondary" onClick={() => void copy()}>
      {copied ? messages.copied : messages.copy}
    </button>
  );
}
