import { TICKET_LIMITS } from "../../contract/index.ts";
import type { FileRejectionCode } from "../messages/index.ts";

/** Below this much room a recording would be over before it shows anything. */
export const MIN_RECORDING_BYTES = 256 * 1024;

/** What the attachments still have room for: one more file of at most `bytes`. */
export interface Room {
  bytes: number;
  /** Why nothing fits, or null when a capture may start. */
  refusal: FileRejectionCode | null;
}

/**
 * The room a new capture has, from the contract's limits and the files already attached:
 * the per-file limit, or what is left of the total if that is less.
 */
export function captureRoom(
  attached: readonly { size: number }[],
  kind: "screenshot" | "recording",
): Room {
  const total = attached.reduce((sum, file) => sum + file.size, 0);
  const bytes = Math.max(
    0,
    Math.min(TICKET_LIMITS.maxFileBytes, TICKET_LIMITS.maxTotalBytes - total),
  );
  const least = kind === "recording" ? MIN_RECORDING_BYTES : 1;
  const refusal: FileRejectionCode | null =
    attached.length >= TICKET_LIMITS.maxFiles
      ? "TOO_MANY_FILES"
      : bytes < least
        ? "ATTACHMENTS_TOO_LARGE"
        : null;
  return { bytes, refusal };
}
