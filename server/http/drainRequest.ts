import type { IncomingMessage } from "node:http";

/** How much of a refused body the proxy reads (and discards) before it gives up on the client. */
export const DRAIN_CAP_BYTES = 64 * 1024 * 1024;
/** A refused client that sends nothing for this long is cut off. */
export const DRAIN_IDLE_MS = 30_000;

/**
 * Reads and discards the rest of a request body after an early answer, so the client can
 * read that answer: closing a socket with unread input sends a reset, and the client then
 * sees EPIPE instead of our JSON. Past `capBytes` (or `idleMs` of silence) the socket is
 * destroyed: a client that keeps sending that much is not listening.
 */
export function drainRequest(
  req: IncomingMessage,
  limits: { capBytes?: number; idleMs?: number } = {},
): void {
  if (req.complete || req.readableEnded || req.destroyed) return;
  const cap = limits.capBytes ?? DRAIN_CAP_BYTES;
  const idleMs = limits.idleMs ?? DRAIN_IDLE_MS;
  let seen = 0;
  let idle = setTimeout(cutOff, idleMs);
  function cutOff(): void {
    finish();
    req.socket.destroy();
  }
  function onData(chunk: Buffer): void {
    seen += chunk.length;
    clearTimeout(idle);
    if (seen > cap) return cutOff();
    idle = setTimeout(cutOff, idleMs);
  }
  function finish(): void {
    clearTimeout(idle);
    req.off("data", onData);
    req.off("end", finish);
    req.off("close", finish);
  }
  req.unpipe();
  req.on("data", onData);
  req.on("end", finish);
  req.on("close", finish);
  req.on("error", () => undefined); // the client reset: nothing left to drain
  req.resume();
}
