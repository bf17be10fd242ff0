import express, { Router } from "express";
import { request } from "undici";

/**
 * `/__sandbox/*` on the proxy (sandbox mode only) passed through to the in-process
 * simulator, so the demo gallery can set each story's scenario from the browser.
 */
export function createSandboxControlRouter(deps: { sandboxUrl: string }): Router {
  const router = Router();
  router.use("/__sandbox", express.json({ limit: "64kb" }), async (req, res, next) => {
    try {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const answer = await request(`${deps.sandboxUrl}/__sandbox${req.url}`, {
        method: req.method as "GET" | "POST" | "PATCH" | "DELETE",
        headers: hasBody ? { "content-type": "application/json" } : {},
        body: hasBody ? JSON.stringify(req.body ?? {}) : null,
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      res.status(answer.statusCode).type("json").set("Cache-Control", "no-store");
      res.send(await answer.body.text());
    } catch (error) {
      next(error);
    }
  });
  return router;
}
