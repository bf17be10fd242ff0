import express, { Router } from "express";
import { z } from "zod";
import { ApiError } from "../http/apiError.ts";
import { MAX_TOKEN_TTL_SECONDS, isCustomerId, signCustomerToken } from "../protection/identity.ts";
import { hasLoopbackHost } from "../protection/loopbackHost.ts";

export const DEMO_IDENTITY_PATH = "/demo/identity";
const DEFAULT_TTL_SECONDS = 3600;
const BODY = z.object({
  customerId: z.string().refine(isCustomerId),
  ttlSeconds: z.number().int().min(1).max(MAX_TOKEN_TTL_SECONDS).optional(),
});

/**
 * `POST /demo/identity` (sandbox mode only): `{"customerId", "ttlSeconds"?}` → `{"token"}`,
 * so the demo page can play the host site's backend. Only for a loopback `Host` (403
 * ORIGIN_NOT_ALLOWED otherwise): another site's page rebound to 127.0.0.1 must not get tokens.
 */
export function createDemoIdentityRouter(deps: { identitySecret: string }): Router {
  const router = Router();
  router.post(DEMO_IDENTITY_PATH, express.json({ limit: "4kb" }), async (req, res) => {
    if (!hasLoopbackHost(req)) {
      throw new ApiError(
        "ORIGIN_NOT_ALLOWED",
        "Demo identities are handed out only to localhost, 127.0.0.1 or [::1].",
      );
    }
    const body = BODY.safeParse(req.body);
    if (!body.success) {
      throw new ApiError(
        "MALFORMED_REQUEST",
        'Send {"customerId": string, "ttlSeconds"?: 1–86400}.',
      );
    }
    const { customerId, ttlSeconds = DEFAULT_TTL_SECONDS } = body.data;
    const token = await signCustomerToken(customerId, deps.identitySecret, ttlSeconds);
    res.set("Cache-Control", "no-store").json({ token });
  });
  return router;
}
