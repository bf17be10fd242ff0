import type { IncomingMessage, ServerResponse } from "node:http";
import { TICKET_LIMITS, checkDescription, checkSummary } from "../../../contract/index.ts";
import { BEARER_CHALLENGE, checkBearer } from "./checkBearer.ts";
import { consumeBody } from "../consumeBody.ts";
import type { SandboxStore } from "../createSandboxStore.ts";
import type { TicketProcessor } from "./createTicketProcessor.ts";
import {
  MAX_CREATE_BODY_BYTES,
  readCreateTicketForm,
  type CreateTicketForm,
} from "./readCreateTicketForm.ts";
import { ripioError } from "../ripioError.ts";
import { sendJson } from "../sendJson.ts";

type Parsed = Extract<CreateTicketForm, { kind: "parsed" }>;

/** The text rules, with messages that name the field first (Ripio's 20000 convention). */
function textProblems(upload: Parsed): string[] {
  const { fields, oversized } = upload;
  const problems: string[] = [];
  if ((fields.customerId ?? "").trim() === "") problems.push("customerId: This field is required.");
  const rules = [
    ["summary", checkSummary, TICKET_LIMITS.summaryMaxChars],
    ["description", checkDescription, TICKET_LIMITS.descriptionMaxChars],
  ] as const;
  for (const [name, check, max] of rules) {
    const value = fields[name];
    // A value busboy cut short is over 4 bytes × the largest limit, so surely too long.
    const code = value === undefined ? null : oversized.has(name) ? "TOO_LONG" : check(value);
    if (value === undefined) problems.push(`${name}: This field is required.`);
    else if (code?.endsWith("TOO_LONG")) {
      problems.push(`${name}: Ensure this field has no more than ${max} characters.`);
    } else if (code !== null) problems.push(`${name}: This field may not be blank.`);
  }
  return problems;
}

/**
 * `POST /api/v1/supportTickets/`. Checks run in this order, each answer sent only after the
 * body has been read: bearer token (401/40001), tickets enabled (403/20061), multipart
 * (400/20001), the rules (400/20000, every violation listed), the customer (400/20062,
 * 400/20063). Nothing is stored unless all pass.
 */
export async function handleCreateTicket(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { store: SandboxStore; processor: TicketProcessor },
): Promise<void> {
  const { store, processor } = deps;
  const refuse = async (
    error: ReturnType<typeof ripioError>,
    headers: Record<string, string> = {},
  ): Promise<void> => {
    const { outcome } = await consumeBody(req, { keep: 0, cap: MAX_CREATE_BODY_BYTES });
    if (outcome === "aborted") return;
    const close = outcome === "capped" ? { connection: "close" } : {};
    sendJson(res, error.status, error.body, { ...headers, ...close });
  };

  const unauthenticated = checkBearer(req, store);
  if (unauthenticated) return refuse(unauthenticated, BEARER_CHALLENGE);
  if (!store.scenario.ticketsEnabled) {
    return refuse(
      ripioError("ticketsDisabled", "Support tickets are not enabled for this account."),
    );
  }
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "multipart/form-data") {
    return refuse(
      ripioError("parse", `Unsupported media type "${type ?? ""}"; send multipart/form-data.`),
    );
  }

  const upload = await readCreateTicketForm(req);
  if (upload.kind === "aborted") return;
  if (upload.kind === "capped") {
    const { status, body } = ripioError(
      "validation",
      `files: The request body is larger than ${MAX_CREATE_BODY_BYTES} bytes.`,
    );
    sendJson(res, status, body, { connection: "close" });
    return;
  }
  if (upload.kind === "parseError") {
    const { status, body } = ripioError("parse", upload.message);
    sendJson(res, status, body);
    return;
  }
  const problems = [...textProblems(upload), ...upload.problems];
  if (problems.length > 0) {
    const { status, body } = ripioError("validation", problems.join(" "));
    sendJson(res, status, body);
    return;
  }

  const customerId = upload.fields.customerId ?? "";
  if (!store.customers.has(customerId)) {
    const { status, body } = ripioError(
      "customerNotFound",
      `Customer ${JSON.stringify(customerId)} was not found.`,
    );
    sendJson(res, status, body);
    return;
  }
  if (!store.customers.get(customerId)) {
    const { status, body } = ripioError(
      "customerEmailMissing",
      `Customer ${JSON.stringify(customerId)} has no email on file.`,
    );
    sendJson(res, status, body);
    return;
  }

  const ticket = processor.accept({
    customerId,
    summary: upload.fields.summary ?? "",
    description: upload.fields.description ?? "",
    files: upload.files,
  });
  sendJson(res, 202, { ticketId: ticket.ticketId, status: ticket.status, issueKey: null });
}
