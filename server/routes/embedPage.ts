import { randomBytes } from "node:crypto";
import { Router } from "express";
import { signCustomerToken } from "../protection/identity.ts";
import { hasLoopbackHost } from "../protection/loopbackHost.ts";
import { embedPageCsp, embedPageHtml } from "./embedPageHtml.ts";

const DEFAULT_CUSTOMER = "cus_demo_alice";
const CUSTOMER_ID = /^[\w.:-]{1,128}$/;
const EMBED_TOKEN_TTL_SECONDS = 3600;
// Room for ten entries of 200 characters; the widget checks each entry itself.
const MAX_CONTEXT_CHARS = 4096;

function isJsonObject(text: string): boolean {
  if (text.length > MAX_CONTEXT_CHARS) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * `/embed.html` (sandbox mode only): a host page with a fresh customer token in its script
 * tag, for `?customer=ID`, `?locale=`, `?theme=`, `?context=` (the host's entries as JSON).
 * Served under a strict nonce CSP, and only for a loopback `Host`, like `/demo/identity`:
 * the token in it is a customer's identity.
 */
export function createEmbedPageRouter(deps: { identitySecret: string }): Router {
  const router = Router();
  router.get("/embed.html", async (req, res) => {
    if (!hasLoopbackHost(req)) {
      res
        .status(403)
        .type("text/plain")
        .send("The demo page is served to localhost, 127.0.0.1 or [::1] only.");
      return;
    }
    const query = (name: string): string | undefined =>
      typeof req.query[name] === "string" ? req.query[name] : undefined;
    const customer = query("customer") ?? DEFAULT_CUSTOMER;
    if (!CUSTOMER_ID.test(customer)) {
      res.status(400).type("text/plain").send("customer must be a plain customer id");
      return;
    }
    const nonce = randomBytes(16).toString("base64");
    const customerToken = await signCustomerToken(
      customer,
      deps.identitySecret,
      EMBED_TOKEN_TTL_SECONDS,
    );
    const page: Parameters<typeof embedPageHtml>[0] = { customerToken, nonce };
    const locale = query("locale");
    const theme = query("theme");
    if (locale) page.locale = locale;
    if (theme) page.theme = theme;
    const context = query("context");
    if (context) {
      if (!isJsonObject(context)) {
        res.status(400).type("text/plain").send("context must be a JSON object of entries");
        return;
      }
      page.context = context;
    }
    res
      .set("Content-Security-Policy", embedPageCsp(nonce))
      .set("Cache-Control", "no-store")
      .type("html")
      .send(embedPageHtml(page));
  });
  return router;
}
