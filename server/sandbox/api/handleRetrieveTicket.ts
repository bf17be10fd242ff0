import type { IncomingMessage, ServerResponse } from "node:http";
import { BEARER_CHALLENGE, checkBearer } from "./checkBearer.ts";
import { consumeBody } from "../consumeBody.ts";
import type { SandboxStore } from "../createSandboxStore.ts";
import { ripioError } from "../ripioError.ts";
import { sendJson } from "../sendJson.ts";

/**
 * `GET /api/v1/supportTickets/{ticketId}/`: bearer token (401/40001), then tickets enabled
 * (403/20061), then the ticket (404/20064) → `200 {ticketId, status, issueKey}`.
 */
export async function handleRetrieveTicket(
  req: IncomingMessage,
  res: ServerResponse,
  ticketId: string,
  store: SandboxStore,
): Promise<void> {
  // A GET has no body to speak of; read whatever came so the answer is never a reset.
  const { outcome } = await consumeBody(req, { keep: 0, cap: 64 * 1024 });
  if (outcome === "aborted") return;
  const unauthenticated = checkBearer(req, store);
  const error =
    unauthenticated ??
    (!store.scenario.ticketsEnabled
      ? ripioError("ticketsDisabled", "Support tickets are not enabled for this account.")
      : null);
  if (error) {
    sendJson(res, error.status, error.body, unauthenticated ? BEARER_CHALLENGE : {});
    return;
  }
  const ticket = store.tickets.get(ticketId);
  if (!ticket) {
    const { status, body } = ripioError(
      "ticketNotFound",
      `Support ticket ${JSON.stringify(ticketId)} was not found.`,
    );
    sendJson(res, status, body);
    return;
  }
  sendJson(res, 200, { ticketId, status: ticket.status, issueKey: ticket.issueKey });
}
