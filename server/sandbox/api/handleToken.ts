import type { IncomingMessage, ServerResponse } from "node:http";
import { consumeBody } from "../consumeBody.ts";
import type { SandboxStore } from "../createSandboxStore.ts";
import { safeEqual } from "../safeEqual.ts";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "../seeds.ts";
import { sendJson } from "../sendJson.ts";

// A token request is one short form field; anything much bigger is not one.
const FORM_KEEP_BYTES = 8 * 1024;
const FORM_CAP_BYTES = 1024 * 1024;
const BASIC_CHALLENGE = { "www-authenticate": 'Basic realm="ripio-sandbox"' };

/** Client credentials from `Authorization: Basic`, form-decoded as RFC 6749 §2.3.1 asks. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  try {
    const decode = (part: string): string => decodeURIComponent(part.replace(/\+/g, " "));
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

/**
 * `POST /oauth2/token/`: the client-credentials grant only. Checks, in order: method, client
 * authentication (401 invalid_client), form content type and grant (400). The body is read
 * to its end first so every answer reaches the client.
 */
export async function handleToken(
  req: IncomingMessage,
  res: ServerResponse,
  store: SandboxStore,
): Promise<void> {
  const { outcome, body, truncated } = await consumeBody(req, {
    keep: FORM_KEEP_BYTES,
    cap: FORM_CAP_BYTES,
  });
  if (outcome === "aborted") return;
  const close = outcome === "capped" ? { connection: "close" } : {};

  if (req.method !== "POST") {
    sendJson(res, 405, { error: "invalid_request" }, { allow: "POST", ...close });
    return;
  }
  const client = basicCredentials(req.headers.authorization);
  const idOk = safeEqual(client?.id ?? "", SANDBOX_CLIENT_ID);
  const secretOk = safeEqual(client?.secret ?? "", SANDBOX_CLIENT_SECRET);
  if (!client || !idOk || !secretOk) {
    sendJson(res, 401, { error: "invalid_client" }, { ...BASIC_CHALLENGE, ...close });
    return;
  }
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded" || truncated) {
    sendJson(res, 400, { error: "invalid_request" }, close);
    return;
  }
  const grant = new URLSearchParams(body.toString("utf8")).get("grant_type");
  if (grant === null || grant === "") {
    sendJson(res, 400, { error: "invalid_request" });
    return;
  }
  if (grant !== "client_credentials") {
    sendJson(res, 400, { error: "unsupported_grant_type" });
    return;
  }
  const { accessToken, expiresIn } = store.issueToken();
  sendJson(
    res,
    200,
    { accessToken, expiresIn, tokenType: "Bearer", scope: "read write" },
    { "cache-control": "no-store", pragma: "no-cache" },
  );
}
