import type { Readable } from "node:stream";
import { request, type Dispatcher } from "undici";

/** A JSON API's answer: status, parsed body (null when not JSON), and Retry-After as sent. */
export interface JsonAnswer {
  status: number;
  json: unknown;
  retryAfter: string | undefined;
}

/** JSON answers this client reads are small; a bigger one is cut off (and is not one we can use). */
const MAX_ANSWER_BYTES = 256 * 1024;

/**
 * One HTTP call with `undici.request` — never global fetch, which held a streamed upload in
 * memory (docs/architecture.md, "Pitfalls") — reading at most 256 KB of the answer. Rejects on network
 * failures and timeouts (`headersTimeout` after the body is sent, `totalMs` for everything).
 */
export async function requestJson(
  url: string,
  init: {
    method: "GET" | "POST";
    headers: Record<string, string>;
    body?: string | Readable;
    dispatcher: Dispatcher;
    headersTimeout: number;
    bodyTimeout: number;
    totalMs: number;
  },
): Promise<JsonAnswer> {
  const res = await request(url, {
    method: init.method,
    headers: { accept: "application/json", ...init.headers },
    body: init.body ?? null,
    dispatcher: init.dispatcher,
    headersTimeout: init.headersTimeout,
    bodyTimeout: init.bodyTimeout,
    signal: AbortSignal.timeout(init.totalMs),
  });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > MAX_ANSWER_BYTES) {
      res.body.destroy();
      break;
    }
  }
  let json: unknown = null;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    // Not JSON (a load balancer's HTML error page, say): callers judge by status.
  }
  const retryAfter = res.headers["retry-after"];
  return {
    status: res.statusCode,
    json,
    retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
  };
}
