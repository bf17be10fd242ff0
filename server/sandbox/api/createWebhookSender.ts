import { createHmac } from "node:crypto";
import { Agent, request } from "undici";
import type { Ticket } from "../../../contract/index.ts";
import type { SandboxStore } from "../createSandboxStore.ts";
import type { Timers } from "../createTimers.ts";
import { SANDBOX_DEFAULTS } from "../seeds.ts";
import type { WebhookEventType } from "../types.ts";

/** The header Ripio signs its events with. */
export const WEBHOOK_SIGNATURE_HEADER = "Http-X-Wh-Signature-256";

/** Sends Support Ticket events to every registered URL, signed, with retries. */
export interface WebhookSender {
  send(eventType: WebhookEventType, ticket: Ticket): void;
  /** Forgets every delivery in flight or waiting for a retry (their results are ignored). */
  cancelAll(): void;
  close(): Promise<void>;
}

/** Ripio sends compact JSON with non-ASCII characters escaped as \uXXXX. */
export function encodeWebhookBody(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as ripio-api.md describes. */
export function signWebhookBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

/** Creates the sender; deliveries and their outcomes are recorded in the store. */
export function createWebhookSender(deps: {
  store: SandboxStore;
  timers: Timers;
  secret: string;
  retryBaseMs: number;
  timeoutMs: number;
}): WebhookSender {
  const { store, timers } = deps;
  // An agent of our own, so close() can tear down its keep-alive sockets.
  const agent = new Agent({ keepAliveTimeout: 1_000, connect: { timeout: deps.timeoutMs } });
  const inFlight = new Set<AbortController>();
  let generation = 0;
  let retrySeq = 0;
  let closed = false;

  function deliver(url: string, body: string, eventType: WebhookEventType, ticketId: string) {
    const startedIn = generation;
    const attempt = async (n: number): Promise<void> => {
      const abort = new AbortController();
      inFlight.add(abort);
      // undici's own timeouts tick at about 1 s; a plain timer keeps short test timeouts exact.
      const timeout = setTimeout(() => abort.abort(), deps.timeoutMs);
      let status: number | "error";
      try {
        const res = await request(url, {
          method: "POST",
          body,
          headers: {
            "content-type": "application/json",
            [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(deps.secret, body),
            "user-agent": "ripio-sandbox-webhooks",
          },
          dispatcher: agent,
          signal: abort.signal,
        });
        await res.body.dump();
        status = res.statusCode;
      } catch {
        status = "error";
      } finally {
        clearTimeout(timeout);
        inFlight.delete(abort);
      }
      // A reset or close happened meanwhile: this delivery belongs to a forgotten world.
      if (startedIn !== generation) return;
      store.recordDelivery({ url, eventType, ticketId, attempt: n, status });
      const ok = typeof status === "number" && status >= 200 && status < 300;
      if (ok || n >= SANDBOX_DEFAULTS.webhookMaxAttempts) return;
      const delay = deps.retryBaseMs * 2 ** (n - 1);
      timers.set(() => void attempt(n + 1), delay, `webhook:${++retrySeq}`);
    };
    void attempt(1);
  }

  function cancelAll(): void {
    generation += 1;
    timers.clearAll("webhook:");
    for (const abort of inFlight) abort.abort();
    inFlight.clear();
  }

  return {
    send(eventType, ticket) {
      // After close() the agent is gone; a late completeTicket() must not start new timers.
      if (closed) return;
      const body = encodeWebhookBody({
        eventType,
        issueDatetime: new Date().toISOString(),
        supportTicket: {
          ticketId: ticket.ticketId,
          status: ticket.status,
          issueKey: ticket.issueKey,
        },
      });
      for (const url of store.webhookUrls) deliver(url, body, eventType, ticket.ticketId);
    },
    cancelAll,
    async close() {
      closed = true;
      cancelAll();
      await agent.destroy();
    },
  };
}
