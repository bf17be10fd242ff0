import type { IncomingMessage } from "node:http";
import { ClientAbortError } from "./ClientAbortError.ts";

/**
 * Reads a request body to its end and throws it away, for a request the proxy answers without
 * needing its body (a duplicate getting its key's ticket): only once the body has ended can the
 * client, still sending, read the answer. Unlike drainRequest, there is no cap: the request is
 * within the limits, so it gets what any upload gets — the body deadline (a stalled body is
 * answered 408 and cut by http/bodyDeadline.ts, which rejects this as a client that left) and
 * `tooLarge` past `maxBytes` (a chunked body with no length). Rejects with ClientAbortError
 * when the client leaves, and with `signal`'s reason when it aborts (shutdown).
 */
export function discardBody(
  req: IncomingMessage,
  options: { maxBytes: number; tooLarge: () => Error; signal?: AbortSignal },
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (req.complete || req.readableEnded) return resolve();
    if (req.destroyed) return reject(new ClientAbortError("client left before its body ended"));
    let seen = 0;
    const finish = (error?: Error): void => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      options.signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.length;
      if (seen > options.maxBytes) finish(options.tooLarge());
    };
    const onEnd = (): void => finish();
    const onClose = (): void => {
      if (req.complete) finish();
      else finish(new ClientAbortError("client left before its body ended"));
    };
    const onAbort = (): void => {
      const reason: unknown = options.signal?.reason;
      finish(reason instanceof Error ? reason : new Error("aborted"));
    };
    if (options.signal?.aborted) return onAbort();
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
    req.on("error", () => undefined); // a reset client: 'close' says so
    options.signal?.addEventListener("abort", onAbort, { once: true });
    req.resume();
  });
}
