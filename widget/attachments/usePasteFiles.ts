import { useEffect, useRef, type RefObject } from "react";

// Office apps put a picture of the copied text on the clipboard beside the text itself:
// pasted into a text field, the text is what the user meant.
function isTextPasteIntoField(event: ClipboardEvent): boolean {
  const target = event.composedPath()[0];
  const intoField =
    target instanceof HTMLInputElement
      ? target.type === "text"
      : target instanceof HTMLTextAreaElement;
  return intoField && Array.from(event.clipboardData?.types ?? []).includes("text/plain");
}

/**
 * Adds files pasted while focus is inside `root` (a screenshot from the clipboard). The
 * listener sits on the widget's own element, never on the host page's document, so a
 * paste elsewhere on the page is not taken. Text pastes are left alone.
 */
export function usePasteFiles(
  root: RefObject<HTMLElement | null>,
  onFiles: (files: File[]) => void,
  enabled: boolean,
): void {
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  });
  useEffect(() => {
    const element = root.current;
    if (!enabled || !element) return;
    const onPaste = (event: ClipboardEvent): void => {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0 || isTextPasteIntoField(event)) return;
      event.preventDefault();
      latest.current(files);
    };
    element.addEventListener("paste", onPaste);
    return () => element.removeEventListener("paste", onPaste);
  }, [root, enabled]);
}
