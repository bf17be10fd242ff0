import { Router } from "express";
import {
  ALLOWED_EXTENSIONS,
  API,
  LOCALES,
  TICKET_LIMITS,
  type PublicConfig,
} from "../../contract/index.ts";
import type { TicketsEnabledProbe } from "../upstream/createTicketsEnabledProbe.ts";

/** `GET /api/config`: contract's limits, extensions and locales, and whether tickets are on. */
export function createPublicConfigRouter(deps: { ticketsEnabled: TicketsEnabledProbe }): Router {
  const router = Router();
  router.get(API.config, async (_req, res) => {
    const body: PublicConfig = {
      ticketsEnabled: await deps.ticketsEnabled.get(),
      locales: LOCALES,
      limits: { ...TICKET_LIMITS },
      allowedExtensions: ALLOWED_EXTENSIONS,
    };
    res.set("Cache-Control", "no-store").json(body);
  });
  return router;
}
