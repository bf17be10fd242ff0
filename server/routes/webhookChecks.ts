import type { TicketStatus } from "../../contract/index.ts";

/** How far an event's `issueDatetime` may be from the proxy's clock: ±5 minutes. */
export const WEBHOOK_REPLAY_WINDOW_MS = 5 * 60_000;

/** Ripio's issue keys (`SUP-1234`): key-like characters only, so never markup, at most 64. */
const ISSUE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The status each known event type reports. */
const EVENT_STATUS: Readonly<Record<string, TicketStatus>> = {
  "SUPPORT_TICKET.CREATED": "CREATED",
  "SUPPORT_TICKET.FAILED": "FAILED",
};

/** The parts of a signed event these checks read. */
export interface WebhookEventFacts {
  eventType: string;
  issueDatetime?: string | undefined;
  supportTicket: { status: TicketStatus; issueKey?: string | null | undefined };
}

/** True for the event types the proxy acts on; others are acknowledged and ignored. */
export function isKnownWebhookEvent(eventType: string): boolean {
  return Object.hasOwn(EVENT_STATUS, eventType);
}

/**
 * Why a signed, known event must not be applied, or null when it may be. A valid signature
 * proves who sent the bytes, not that they are sane: an event whose type and status disagree,
 * whose issueKey could not be Ripio's (it is shown to the customer), or whose time is outside
 * the replay window (an old signed event sent again) changes nothing.
 */
export function webhookEventProblem(
  event: WebhookEventFacts,
  now: number,
  windowMs = WEBHOOK_REPLAY_WINDOW_MS,
): string | null {
  const { status, issueKey } = event.supportTicket;
  if (EVENT_STATUS[event.eventType] !== status) {
    return `eventType ${event.eventType} disagrees with status ${status}`;
  }
  if (issueKey !== null && issueKey !== undefined && !ISSUE_KEY.test(issueKey)) {
    return "issueKey is not a plausible key";
  }
  if (event.issueDatetime === undefined) return "issueDatetime is missing";
  const issuedAt = Date.parse(event.issueDatetime);
  if (!Number.isFinite(issuedAt)) return "issueDatetime is not a date";
  if (Math.abs(now - issuedAt) > windowMs) return "issueDatetime is outside the replay window";
  return null;
}
