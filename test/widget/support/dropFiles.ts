import { fireEvent, screen } from "@testing-library/react";
import { TICKET_LIMITS } from "../../../contract/index.ts";
import { buildFile } from "./builders.ts";

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

/** The dropzone around the Attachments field, found by the field's label. */
export function attachmentsDropzone(): HTMLElement {
  const zone = screen.getByLabelText("Attachments").closest<HTMLElement>(".rhw-dropzone");
  if (!zone) throw new Error("no dropzone around the Attachments input");
  return zone;
}

/** Takes every file slot: as many small PNGs as a ticket may carry, dropped and listed. */
export async function fillEveryFileSlot(): Promise<void> {
  const files = Array.from({ length: TICKET_LIMITS.maxFiles }, (_, i) =>
    buildFile(`step-${i}.png`, { type: "image/png" }),
  );
  dropFiles(attachmentsDropzone(), files);
  await screen.findByText(`step-${TICKET_LIMITS.maxFiles - 1}.png`);
}
