import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { applyLatencyAndFault } from "./api/applyLatencyAndFault.ts";
import { CONTROL_PREFIX, handleControl } from "./control/controlRoutes.ts";
import { createSandboxControl } from "./control/createSandboxControl.ts";
import { createSandboxStore } from "./createSandboxStore.ts";
import { createTicketProcessor } from "./api/createTicketProcessor.ts";
import { createTimers } from "./createTimers.ts";
import { createWebhookSender } from "./api/createWebhookSender.ts";
import { handleCreateTicket } from "./api/handleCreateTicket.ts";
import { handleRetrieveTicket } from "./api/handleRetrieveTicket.ts";
import { handleToken } from "./api/handleToken.ts";
import { RIPIO_PATHS, matchTicketPath } from "./ripioPaths.ts";
import { ripioError } from "./ripioError.ts";
import { SANDBOX_DEFAULTS, SANDBOX_WEBHOOK_SECRET } from "./seeds.ts";
import { sendJson } from "./sendJson.ts";
import type { Sandbox, SandboxOptions } from "./types.ts";

export { SANDBOX_WEBHOOK_SECRET };
export type { Sandbox, SandboxControl, SandboxOptions, SandboxState } from "./types.ts";

/**
 * Creates the Ripio simulator: `POST /oauth2/token/`, `POST /api/v1/supportTickets/`,
 * `GET /api/v1/supportTickets/{id}/`, signed webhook events, and the scenario control under
 * `/__sandbox/` (reset, state, scenario, faults, customers, webhooks, tickets/:id/complete,
 * tokens/expire). It checks every request itself: it does not trust its caller.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const timers = createTimers();
  const store = createSandboxStore({
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? SANDBOX_DEFAULTS.tokenLifetimeSeconds,
    processingDelayMs: options.processingDelayMs ?? SANDBOX_DEFAULTS.processingDelayMs,
    now: options.now ?? Date.now,
  });
  const webhooks = createWebhookSender({
    store,
    timers,
    secret: options.webhookSecret ?? SANDBOX_WEBHOOK_SECRET,
    retryBaseMs: options.webhookRetryBaseMs ?? SANDBOX_DEFAULTS.webhookRetryBaseMs,
    timeoutMs: options.webhookTimeoutMs ?? SANDBOX_DEFAULTS.webhookTimeoutMs,
  });
  const processor = createTicketProcessor({ store, timers, webhooks });
  const control = createSandboxControl({ store, processor, webhooks, timers });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://sandbox").pathname;
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      return handleControl(req, res, path.slice(CONTROL_PREFIX.length), control);
    }
    const method = req.method ?? "";
    res.on("finish", () => store.recordRequest({ method, path, status: res.statusCode }));

    if (path === RIPIO_PATHS.token) {
      store.countTokenRequest();
      if (await applyLatencyAndFault("token", req, res, { store, timers })) return;
      return handleToken(req, res, store);
    }
    const ticketId = matchTicketPath(path);
    if (path === RIPIO_PATHS.tickets || ticketId !== null) {
      if (await applyLatencyAndFault("tickets", req, res, { store, timers })) return;
      const expected = ticketId === null ? "POST" : "GET";
      if (method !== expected) {
        const { status, body } = ripioError("methodNotAllowed", `Method "${method}" not allowed.`);
        sendJson(res, status, body, { allow: expected });
        return;
      }
      if (ticketId === null) return handleCreateTicket(req, res, { store, processor });
      return handleRetrieveTicket(req, res, ticketId, store);
    }
    const { status, body } = ripioError("routeNotFound", `No route for ${method} ${path}.`);
    sendJson(res, status, body);
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      // A defect in the sandbox: answer Ripio-style if still possible, never crash the process.
      const { status, body } = ripioError("internal", "Internal sandbox error.");
      if (res.headersSent) res.destroy();
      else sendJson(res, status, body, { connection: "close" });
    });
  });
  // Uploads of 50 MB on a slow link outlive Node's 300 s default.
  server.requestTimeout = 15 * 60_000;

  let baseUrl: string | null = null;
  let closed: Promise<void> | null = null;

  return {
    control,
    get url() {
      if (baseUrl === null) throw new Error("The sandbox is not listening: call listen() first.");
      return baseUrl;
    },
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const { port: actual } = server.address() as AddressInfo;
          const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
          baseUrl = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${actual}`;
          resolve(baseUrl);
        });
      });
    },
    close() {
      closed ??= (async () => {
        timers.clearAll();
        await webhooks.close();
        if (!server.listening) return;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Hung and keep-alive sockets would keep close() waiting forever.
        server.closeAllConnections();
        await stopped;
      })();
      return closed;
    },
  };
}
