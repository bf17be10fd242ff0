import express, { Router, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { TICKET_STATUSES } from "../../contract/index.ts";
import { localsOf } from "../http/requestContext.ts";
import type { ProxyMetrics } from "../metrics/createProxyMetrics.ts";
import { isStoreUnavailable } from "../tickets/storeUnavailable.ts";
import type { TicketStore } from "../tickets/ticketStore.ts";
import { verifyWebhookSignature } from "../protection/verifyWebhookSignature.ts";
import { isKnownWebhookEvent, webhookEventProblem } from "./webhookChecks.ts";

/** Ripio's webhook path on the proxy (registered with the sandbox in sandbox mode). */
export const WEBHOOK_PATH = "/webhooks/ripio";
const MAX_EVENT_BYTES = "1mb";

// The documented envelope; `supportTicket` is assumed to have the Retrieve shape (ripio-api.md).
const EVENT = z.object({
  eventType: z.string(),
  issueDatetime: z.string().optional(),
  supportTicket: z.object({
    ticketId: z.string().min(1),
    status: z.enum(TICKET_STATUSES),
    issueKey: z.string().nullable().optional(),
  }),
});

/**
 * `POST /webhooks/ripio`: Ripio's Support Ticket events. The signature is checked over the raw
 * bytes before any parsing (401 `{"ok":false}` and nothing changes when it is missing or
 * wrong). A signed event that fails webhookChecks.ts (type and status disagree, an implausible
 * issueKey, a time outside the replay window) gets 400 and changes nothing. A good event
 * updates the store, which wakes the long polls; replays, late events and unknown tickets
 * change nothing. Answers are not the `/api` error shape: Ripio is no customer.
 */
export function createWebhooksRouter(deps: {
  store: TicketStore;
  secret: string;
  metrics: ProxyMetrics;
  /** The clock the replay window is judged by; default Date.now. */
  now?: () => number;
}): Router {
  const now = deps.now ?? Date.now;
  const { metrics } = deps;
  const router = Router();
  router.post(
    WEBHOOK_PATH,
    express.raw({ type: () => true, limit: MAX_EVENT_BYTES }),
    async (req: Request, res: Response) => {
      const { log } = localsOf(res);
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!verifyWebhookSignature(req.headers, raw, deps.secret)) {
        log.warn("webhook refused: missing or bad signature");
        metrics.webhookEvent("invalid_signature");
        res.status(401).json({ ok: false, error: "invalid signature" });
        return;
      }
      let event: z.infer<typeof EVENT>;
      try {
        event = EVENT.parse(JSON.parse(raw.toString("utf8")));
      } catch {
        log.warn("webhook refused: signed but malformed");
        metrics.webhookEvent("malformed");
        res.status(400).json({ ok: false, error: "malformed event" });
        return;
      }
      const { ticketId, status, issueKey } = event.supportTicket;
      const problem = isKnownWebhookEvent(event.eventType)
        ? webhookEventProblem(event, now())
        : null;
      if (problem !== null) {
        // The event's own values stay out of the log: they are what made it implausible.
        log.warn(
          { ticketId: ticketId.slice(0, 100), problem },
          "webhook refused: implausible event",
        );
        metrics.webhookEvent("refused");
        res.status(400).json({ ok: false, error: "implausible event" });
        return;
      }
      try {
        if (!isKnownWebhookEvent(event.eventType) || !(await deps.store.getTicket(ticketId))) {
          log.info({ eventType: event.eventType, ticketId }, "webhook ignored");
          metrics.webhookEvent("ignored");
          res.status(202).json({ ok: true, ignored: true });
          return;
        }
        const changed = await deps.store.applyStatus(ticketId, status, issueKey ?? null);
        log.info({ eventType: event.eventType, ticketId, changed }, "webhook applied");
        metrics.webhookEvent(changed ? "applied" : "unchanged");
        res.status(200).json({ ok: true, changed });
      } catch (error) {
        if (!isStoreUnavailable(error)) throw error;
        // A non-2xx answer makes Ripio send the event again later, when the store may be back.
        log.warn(
          { eventType: event.eventType, ticketId },
          "webhook not applied: store unavailable",
        );
        metrics.webhookEvent("store_unavailable");
        res.status(503).set("Retry-After", "5").json({ ok: false, error: "store unavailable" });
      }
    },
  );
  // The raw parser's own failures (too large, aborted) in the same plain shape.
  router.use(
    WEBHOOK_PATH,
    (error: { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
      metrics.webhookEvent("unreadable");
      if (res.headersSent) return; // answered already (a stalled body's 408)
      res
        .status(typeof error.status === "number" ? error.status : 400)
        .json({ ok: false, error: "unreadable body" });
    },
  );
  return router;
}
