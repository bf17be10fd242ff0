import type { Readable } from "node:stream";

/**
 * Counts a body's bytes as they pass and calls `onOver` once, when they exceed `maxBytes`.
 * A Content-Length is checked before the body is read; this catches a chunked body (no length)
 * whose ignored parts could otherwise stream on and on. Returns the function that stops it.
 */
export function watchBodySize(req: Readable, maxBytes: number, onOver: () => void): () => void {
  let seen = 0;
  const onData = (chunk: Buffer): void => {
    seen += chunk.length;
    if (seen <= maxBytes) return;
    stop();
    onOver();
  };
  const stop = (): void => {
    req.off("data", onData);
  };
  req.on("data", onData);
  return stop;
}
