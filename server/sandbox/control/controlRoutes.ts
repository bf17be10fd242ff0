import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { consumeBody } from "../consumeBody.ts";
import { CONTROL_SCHEMAS, describeZodError } from "./controlSchemas.ts";
import { sendJson } from "../sendJson.ts";
import type { SandboxControl } from "../types.ts";

/** The prefix of the scenario control; no auth, no faults, no latency. */
export const CONTROL_PREFIX = "/__sandbox";

interface Answer {
  status: number;
  body?: unknown;
}

interface Route {
  method: string;
  pattern: RegExp;
  run(control: SandboxControl, params: string[], body: unknown): Answer;
}

const notFound = (what: string): Answer => ({ status: 404, body: { error: `${what} not found` } });

/** Every /__sandbox/ route (see createSandbox.ts for the list with their bodies). */
const ROUTES: Route[] = [
  {
    method: "POST",
    pattern: /^\/reset$/,
    run: (control) => (control.reset(), { status: 200, body: control.snapshot() }),
  },
  {
    method: "GET",
    pattern: /^\/state$/,
    run: (control) => ({ status: 200, body: control.snapshot() }),
  },
  {
    method: "PATCH",
    pattern: /^\/scenario$/,
    run: (control, _, body) => ({
      status: 200,
      body: control.setScenario(CONTROL_SCHEMAS.scenarioPatch.parse(body)),
    }),
  },
  {
    method: "POST",
    pattern: /^\/faults$/,
    run: (control, _, body) => ({
      status: 201,
      body: { faults: control.addFault(CONTROL_SCHEMAS.fault.parse(body)) },
    }),
  },
  {
    method: "POST",
    pattern: /^\/customers$/,
    run: (control, _, body) => ({
      status: 200,
      body: control.upsertCustomer(CONTROL_SCHEMAS.customer.parse(body)),
    }),
  },
  {
    method: "DELETE",
    pattern: /^\/customers\/([^/]+)$/,
    run: (control, [id = ""]) =>
      control.removeCustomer(id) ? { status: 204 } : notFound(`customer ${JSON.stringify(id)}`),
  },
  {
    method: "POST",
    pattern: /^\/webhooks$/,
    run: (control, _, body) => ({
      status: 200,
      body: { webhookUrls: control.registerWebhook(CONTROL_SCHEMAS.webhook.parse(body).url) },
    }),
  },
  {
    method: "DELETE",
    pattern: /^\/webhooks$/,
    run: (control, _, body) => ({
      status: 200,
      body: { webhookUrls: control.unregisterWebhook(CONTROL_SCHEMAS.webhook.parse(body).url) },
    }),
  },
  {
    method: "POST",
    pattern: /^\/tickets\/([^/]+)\/complete$/,
    run: (control, [id = ""], body) => {
      const ticket = control.completeTicket(id, CONTROL_SCHEMAS.complete.parse(body).outcome);
      return ticket ? { status: 200, body: ticket } : notFound(`ticket ${JSON.stringify(id)}`);
    },
  },
  {
    method: "POST",
    pattern: /^\/tokens\/expire$/,
    run: (control) => ({ status: 200, body: { expired: control.expireTokens() } }),
  },
];

/** Parses a control body: empty means `{}`; anything else must be JSON. */
function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (raw.length === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(raw.toString("utf8")) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Answers a request under /__sandbox/ (`path` is the part after the prefix). */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  control: SandboxControl,
): Promise<void> {
  const { outcome, body, truncated } = await consumeBody(req, {
    keep: 64 * 1024,
    cap: 1024 * 1024,
  });
  if (outcome === "aborted") return;
  if (outcome === "capped" || truncated) {
    sendJson(res, 413, { error: "control bodies are limited to 64 KiB" }, { connection: "close" });
    return;
  }
  const matching = ROUTES.map((route) => ({ route, match: route.pattern.exec(path) })).filter(
    (candidate) => candidate.match !== null,
  );
  const found = matching.find((candidate) => candidate.route.method === req.method);
  if (!found?.match) {
    if (matching.length === 0) sendJson(res, 404, notFound(`${CONTROL_PREFIX}${path}`).body);
    else {
      const allow = matching.map((candidate) => candidate.route.method).join(", ");
      sendJson(res, 405, { error: `use ${allow} on ${CONTROL_PREFIX}${path}` }, { allow });
    }
    return;
  }
  const json = parseJson(body);
  if (!json.ok) {
    sendJson(res, 400, { error: "the body must be JSON" });
    return;
  }
  try {
    const params = found.match.slice(1).map((part) => decodeURIComponent(part));
    const answer = found.route.run(control, params, json.value);
    sendJson(res, answer.status, answer.body);
  } catch (error) {
    if (error instanceof z.ZodError) sendJson(res, 400, { error: describeZodError(error) });
    else if (error instanceof URIError) sendJson(res, 400, { error: "malformed path escape" });
    else throw error;
  }
}
