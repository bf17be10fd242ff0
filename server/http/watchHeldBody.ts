import type { IncomingMessage } from "node:http";
import type { BodyProgressLimits } from "./watchBodyProgress.ts";

/**
 * For a body the proxy holds unread on purpose (a duplicate waiting for its key's first
 * attempt, ready to upload if that one is abandoned): calls `onStall` once if, `windowMs`
 * after the hold began, the body has neither ended nor brought `minBytes` into the request's
 * buffer. A client that is sending fills that buffer at once and is then held back by TCP — it
 * is never blamed for our wait; a silent one is cut as it would be while read
 * (watchBodyProgress). Returns the function that stops it.
 */
export function watchHeldBody(
  req: IncomingMessage,
  limits: BodyProgressLimits,
  onStall: () => void,
): () => void {
  const timer = setTimeout(() => {
    if (req.complete || req.destroyed || req.readableLength >= limits.minBytes) return;
    onStall();
  }, limits.windowMs);
  timer.unref();
  return () => clearTimeout(timer);
}
