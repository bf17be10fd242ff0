import { Router, type NextFunction, type Request, type Response } from "express";
import { API } from "../../contract/index.ts";
import { localsOf } from "../http/requestContext.ts";
import type { PrometheusMetrics, ProxyMetrics } from "../metrics/createProxyMetrics.ts";
import { mayReadMetrics } from "../protection/metricsAccess.ts";

export const METRICS_PATH = "/metrics";

/**
 * `GET /metrics`: Prometheus text, for `Authorization: Bearer $METRICS_TOKEN`, or for loopback
 * when no reverse proxy is configured (see mayReadMetrics).
 * Anyone else falls through to a plain 404, as if there were no such page: nothing tells a
 * scanner that metrics live here, and no error code of the widget's API is involved.
 */
export function createMetricsRouter(deps: {
  metrics: PrometheusMetrics;
  token: string | null;
  /** TRUST_PROXY is set: a loopback socket may be any visitor, so the token is needed. */
  behindProxy: boolean;
}): Router {
  const router = Router();
  router.get(METRICS_PATH, async (req, res, next) => {
    if (!mayReadMetrics(req, deps)) return next();
    const { contentType, text } = await deps.metrics.render();
    res.set({ "Content-Type": contentType, "Cache-Control": "no-store" }).send(text);
  });
  return router;
}

/**
 * Whether `path` reaches the tickets route: Express matches routes case-insensitively and with
 * or without a trailing slash, so `POST /API/TICKETS/` makes a ticket too and must be counted.
 */
function isTicketsPath(path: string): boolean {
  return path.toLowerCase().replace(/\/+$/, "") === API.tickets;
}

/** Counts each answered `POST /api/tickets` by its code (ACCEPTED or the error's). */
export function countTicketSubmissions(metrics: ProxyMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === "POST" && isTicketsPath(req.path)) {
      res.once("finish", () => {
        const { errorCode } = localsOf(res);
        metrics.ticketSubmission(res.statusCode === 202 ? "ACCEPTED" : (errorCode ?? "UNKNOWN"));
      });
    }
    next();
  };
}
