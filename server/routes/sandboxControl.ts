import express, { Router } from "express";
import { request } from "undici";

/**
 * `/__sandbox/*` on the proxy (sandbox mode only) passed through to the in-process
 * simulator, so the demo gallery can set each story's scenario from the browser.
 * A reset makes the sandbox forget its webhook URLs; `afterReset` registers the proxy again.
 */
export function createSandboxControlRouter(deps: {
  sandboxUrl: string;
  afterReset(): void;
}): Router {
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
      if (req.method === "POST" && req.path === "/reset" && answer.statusCode < 300)
        deps.afterReset();
      res.status(answer.statusCode).type("json").set("Cache-Control", "no-store");
      res.send(await answer.body.text());
    } catch (error) {
      next(error);
    }
  });
  return router;
}
