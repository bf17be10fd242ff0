import { Router } from "express";
import { ApiError } from "../http/apiError.ts";
import { toApiError } from "../http/toApiError.ts";
import { storeFailureReason } from "../tickets/storeUnavailable.ts";
import type { UpstreamClient } from "../upstream/createUpstreamClient.ts";

/**
 * `GET /healthz` (the process serves) and `GET /readyz` (the store answers, a Ripio token can
 * be had, and the server is not shutting down; else 503 with the reason).
 */
export function createHealthRouter(deps: {
  upstream: UpstreamClient;
  shutdown: AbortSignal;
  /** The ticket store; unready while it cannot be reached. */
  store: { ping(): Promise<void> };
}): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ ok: true });
  });
  router.get("/readyz", async (_req, res) => {
    res.set("Cache-Control", "no-store");
    if (deps.shutdown.aborted) {
      res.status(503).json({ ok: false, reason: "shutting down" });
      return;
    }
    try {
      await deps.store.ping();
    } catch (error) {
      res.status(503).json({
        ok: false,
        reason: `store: ${storeFailureReason(error)}`,
        error: { code: "STORE_UNAVAILABLE", message: "The proxy's store cannot be reached." },
      });
      return;
    }
    try {
      await deps.upstream.ensureToken();
      res.json({ ok: true });
    } catch (error) {
      const known = toApiError(error) ?? new ApiError("UPSTREAM_ERROR", "token request failed");
      if (known.retryAfterSeconds !== undefined)
        res.set("Retry-After", String(known.retryAfterSeconds));
      res
        .status(503)
        .json({ ok: false, reason: `Ripio token: ${known.message}`, error: known.toBody().error });
    }
  });
  return router;
}
