import { Router, type NextFunction, type Request, type Response } from "express";
import { API } from "../../contract/index.ts";
import { localsOf } from "../http/requestContext.ts";
import type { PrometheusMetrics, ProxyMetrics } from "../metrics/createProxyMetrics.ts";
import { mayReadMetrics } from "../protection/metricsAccess.ts";

export const METRICS_PATH = "/metrics";

/**
 * `GET /metrics`: Prometheus text, for loopback or `Authorization: Bearer $METRICS_TOKEN`.
 * Anyone else falls through to a plain 404, as if there were no such page: nothing tells a
 * scanner that metrics live here, and no error code of the widget's API is involved.
 */
export function createMetricsRouter(deps: {
  metrics: PrometheusMetrics;
  token: string | null;
}): Router {
  const router = Router();
  router.get(METRICS_PATH, async (req, res, next) => {
    if (!mayReadMetrics(req, deps.token)) return next();
    const { contentType, text } = await deps.metrics.render();
    res.set({ "Content-Type": contentType, "Cache-Control": "no-store" }).send(text);
  });
  return router;
}

/** Counts each answered `POST /api/tickets` by its code (ACCEPTED or the error's). */
export function countTicketSubmissions(metrics: ProxyMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === "POST" && req.path === API.tickets) {
      res.once("finish", () => {
        const { errorCode } = localsOf(res);
        metrics.ticketSubmission(res.statusCode === 202 ? "ACCEPTED" : (errorCode ?? "UNKNOWN"));
      });
    }
    next();
  };
}
