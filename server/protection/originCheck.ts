import type { NextFunction, Request, Response } from "express";
import { API } from "../../contract/index.ts";
import { ApiError } from "../http/apiError.ts";

const ALLOW_HEADERS = [API.customerTokenHeader, API.idempotencyKeyHeader, "Content-Type"].join(
  ", ",
);
const EXPOSE_HEADERS = `Retry-After, X-Request-Id, ${API.listVersionHeader}`;
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** `scheme://host[:port]` as `URL` normalizes it, or null for "null" and garbage. */
function normalize(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * CORS for `/api/*`, and the Origin check browsers do not do for us: an `Origin` that is
 * neither in ALLOWED_ORIGINS nor the proxy's own (from Host, or X-Forwarded-* behind a
 * trusted proxy) gets 403 ORIGIN_NOT_ALLOWED, preflight included. No Origin (server to
 * server) passes. An allowed preflight is answered here, before any identity check.
 */
export function originCheck(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction): void => {
    res.vary("Origin");
    const origin = req.get("origin");
    if (origin === undefined) {
      if (req.method === "OPTIONS") res.set("Allow", "GET, POST, OPTIONS").status(204).end();
      else next();
      return;
    }
    const normalized = normalize(origin);
    const own = normalize(`${req.protocol}://${req.host}`);
    if (normalized === null || (!allowed.has(normalized) && normalized !== own)) {
      throw new ApiError("ORIGIN_NOT_ALLOWED", `Origin ${origin} may not call this API.`);
    }
    res.set({
      // The normalized origin, never the raw header: a browser compares it byte for byte, and
      // echoing arbitrary header text back is how response splitting starts.
      "Access-Control-Allow-Origin": normalized,
      "Access-Control-Expose-Headers": EXPOSE_HEADERS,
    });
    if (req.method !== "OPTIONS") return next();
    res
      .set({
        "Access-Control-Allow-Methods": "GET, POST, DELETE",
        "Access-Control-Allow-Headers": ALLOW_HEADERS,
        "Access-Control-Max-Age": String(PREFLIGHT_MAX_AGE_SECONDS),
      })
      .status(204)
      .end();
  };
}
