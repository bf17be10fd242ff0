import type { ServerResponse } from "node:http";

/** Answers compact JSON; does nothing when the socket is already gone or answered. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...(text === "" ? {} : { "content-type": "application/json" }),
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
