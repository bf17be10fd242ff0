import { connect, type Socket } from "node:net";
import type { ProxyAnswer } from "../../support/proxyHttp.ts";

/** A request written by hand on a plain TCP socket: the test decides every byte and pause. */
export interface RawRequest {
  socket: Socket;
  /** Writes body bytes; resolves false once the connection can take no more. */
  write(bytes: Buffer | string): Promise<boolean>;
  /** The first answer read back, JSON parsed when it is JSON. */
  answer: Promise<ProxyAnswer>;
  /** Resolves when the server has closed (or reset) the connection. */
  closed: Promise<void>;
}

/** Splits `HTTP/1.1 …\r\nheaders\r\n\r\nbody` (Content-Length bodies; enough for our answers). */
function parseAnswer(raw: Buffer): ProxyAnswer | null {
  const end = raw.indexOf("\r\n\r\n");
  if (end === -1) return null;
  const [statusLine = "", ...lines] = raw.subarray(0, end).toString("latin1").split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"] ?? 0);
  const bodyBytes = raw.subarray(end + 4);
  if (bodyBytes.length < length) return null;
  const text = bodyBytes.subarray(0, length).toString("utf8");
  let body: unknown = text;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return {
    status: Number(statusLine.split(" ")[1]),
    headers,
    body: body as Record<string, unknown>,
  };
}

/**
 * Opens a connection to `baseUrl` and sends the request line and headers at once (with
 * `Connection: keep-alive`, so any close is the server's doing); the body is up to the test.
 */
export function openRawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
): RawRequest {
  const url = new URL(baseUrl);
  const socket = connect(Number(url.port), url.hostname);
  socket.on("error", () => undefined); // a reset is one of the outcomes tests look for
  const head =
    `${method} ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("") +
    "\r\n";
  socket.write(head);
  let received = Buffer.alloc(0);
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  const answer = new Promise<ProxyAnswer>((resolve, reject) => {
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const parsed = parseAnswer(received);
      if (parsed) resolve(parsed);
    });
    void closed.then(() => reject(new Error("closed without an answer")));
  });
  answer.catch(() => undefined); // not every test waits for one
  return {
    socket,
    answer,
    closed,
    write: (bytes) =>
      new Promise((resolve) => {
        if (socket.destroyed || !socket.writable) return resolve(false);
        socket.write(bytes, (error) => resolve(!error));
      }),
  };
}

/** Sends `bytes` in pieces of `size`, one every `everyMs`, until done or the server closes. */
export async function trickle(
  request: RawRequest,
  bytes: Buffer,
  size: number,
  everyMs: number,
): Promise<number> {
  let sent = 0;
  while (sent < bytes.length) {
    if (!(await request.write(bytes.subarray(sent, sent + size)))) break;
    sent = Math.min(bytes.length, sent + size);
    if (sent < bytes.length) await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return sent;
}
