import type { IncomingMessage } from "node:http";

/** How reading a request body ended, with the first `keep` bytes of it. */
export interface ConsumedBody {
  /** "capped": more than `cap` bytes came; "aborted": the client went away. */
  outcome: "ended" | "capped" | "aborted";
  body: Buffer;
  /** True when the body was longer than `keep` (so `body` is only its start). */
  truncated: boolean;
}

/**
 * Reads a request body to its end, keeping at most `keep` bytes and discarding the rest, so an
 * error answer sent afterwards is readable (closing a socket with unread input resets it).
 * Past `cap` bytes it stops and reports "capped": the caller answers and closes.
 */
export function consumeBody(
  req: IncomingMessage,
  limits: { keep: number; cap: number },
): Promise<ConsumedBody> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let seen = 0;
  return new Promise((resolve) => {
    const finish = (outcome: ConsumedBody["outcome"]): void => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      resolve({ outcome, body: Buffer.concat(chunks), truncated: seen > limits.keep });
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.length;
      if (kept < limits.keep) {
        const part = chunk.subarray(0, limits.keep - kept);
        chunks.push(part);
        kept += part.length;
      }
      if (seen > limits.cap) {
        req.pause();
        finish("capped");
      }
    };
    const onEnd = (): void => finish("ended");
    const onClose = (): void => finish(req.complete ? "ended" : "aborted");
    if (req.readableEnded) {
      resolve({ outcome: "ended", body: Buffer.alloc(0), truncated: false });
      return;
    }
    if (req.destroyed) {
      resolve({ outcome: "aborted", body: Buffer.alloc(0), truncated: false });
      return;
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
    // A pipe that was removed may have left the stream paused; a data listener alone won't resume it.
    req.resume();
  });
}
