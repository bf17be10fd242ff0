import type { IncomingMessage } from "node:http";

/** How much of a refused body the proxy reads (and discards) before it closes the connection. */
export const DRAIN_CAP_BYTES = 1024 * 1024;
/** How long a refused body may take to end before the connection is closed. */
export const DRAIN_DEADLINE_MS = 5_000;

const draining = new WeakSet<IncomingMessage>();

/**
 * Reads and discards the rest of a request body after an early answer, so the client can
 * read that answer: closing a socket with unread input sends a reset, and the client then
 * sees EPIPE instead of our JSON. Past `capBytes` or `deadlineMs` the socket is destroyed: a
 * refused client gets a moment to read its answer, not a free pipe. Calling it again for the
 * same request changes nothing.
 */
export function drainRequest(
  req: IncomingMessage,
  limits: { capBytes?: number; deadlineMs?: number } = {},
): void {
  if (req.complete || req.readableEnded || req.destroyed || draining.has(req)) return;
  draining.add(req);
  const cap = limits.capBytes ?? DRAIN_CAP_BYTES;
  let seen = 0;
  const deadline = setTimeout(cutOff, limits.deadlineMs ?? DRAIN_DEADLINE_MS);
  function cutOff(): void {
    finish();
    req.socket.destroy();
  }
  function onData(chunk: Buffer): void {
    seen += chunk.length;
    if (seen > cap) cutOff();
  }
  function finish(): void {
    clearTimeout(deadline);
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
