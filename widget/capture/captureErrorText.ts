import type { CaptureMessages } from "../messages/Messages.ts";

/**
 * What to tell the user when getDisplayMedia or the capture fails. A refusal (the user said
 * no, or the page's policy did) is a choice, not a fault: it gets the calm `refused` text.
 */
export function captureErrorText(error: unknown, text: CaptureMessages): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  return name === "NotAllowedError" ? text.refused : text.failed;
}
