import { fireEvent } from "@testing-library/react";

/** Drops files on an element the way a browser's drag and drop does. */
export function dropFiles(target: Element, files: readonly File[]): void {
  const dataTransfer = { files, types: ["Files"], items: undefined };
  fireEvent.dragEnter(target, { dataTransfer });
  fireEvent.drop(target, { dataTransfer });
}

/**
 * Pastes files into the focused element (jsdom has no ClipboardEvent or DataTransfer, so
 * the event carries a stand-in with the same `files`).
 */
export function pasteFiles(target: Element, files: readonly File[]): void {
  const event = new Event("paste", { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, "clipboardData", {
    value: { files, types: ["Files"], getData: () => "" },
  });
  target.dispatchEvent(event);
}
