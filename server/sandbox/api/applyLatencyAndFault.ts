import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { consumeBody } from "../consumeBody.ts";
import type { SandboxStore } from "../createSandboxStore.ts";
import type { Timers } from "../createTimers.ts";
import { MAX_CREATE_BODY_BYTES } from "./readCreateTicketForm.ts";
import { faultError } from "../ripioError.ts";
import { sendJson } from "../sendJson.ts";
import type { FaultSpec } from "../types.ts";

/** The prefix of latency timers: a reset ends them, so they belong to the old scenario. */
export const LATENCY_KEY = "latency:";

/**
 * Plays the scenario's latency, then the next queued fault for `target`, if any. Resolves
 * true when the request was dealt with (answered, hung or dropped) and must go no further.
 */
export async function applyLatencyAndFault(
  target: FaultSpec["target"],
  req: IncomingMessage,
  res: ServerResponse,
  deps: { store: SandboxStore; timers: Timers },
): Promise<boolean> {
  const { store, timers } = deps;
  if (store.scenario.latencyMs > 0) {
    await timers.sleep(store.scenario.latencyMs, `${LATENCY_KEY}${randomUUID()}`);
  }
  const fault = store.takeFault(target);
  if (!fault) return false;
  const path = new URL(req.url ?? "/", "http://sandbox").pathname;

  switch (fault.mode) {
    case "hang":
      // Take the body so the client is left waiting for an answer, not for a read.
      req.resume();
      store.recordRequest({ method: req.method ?? "", path, status: "hang" });
      return true;
    case "drop":
      store.recordRequest({ method: req.method ?? "", path, status: "drop" });
      req.socket.destroy();
      return true;
    case "status": {
      const status = fault.status ?? 503;
      const { outcome } = await consumeBody(req, { keep: 0, cap: MAX_CREATE_BODY_BYTES });
      if (outcome === "aborted") return true;
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== null)
        headers["retry-after"] = String(fault.retryAfterSeconds);
      if (outcome === "capped") headers.connection = "close";
      sendJson(res, status, faultError(status), headers);
      return true;
    }
  }
}
