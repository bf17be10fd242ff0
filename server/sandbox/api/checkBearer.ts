import type { IncomingMessage } from "node:http";
import type { SandboxStore } from "../createSandboxStore.ts";
import { ripioError } from "../ripioError.ts";

/** Sent with every 40001 answer, as RFC 6750 asks. */
export const BEARER_CHALLENGE = { "www-authenticate": 'Bearer realm="ripio-sandbox"' };

/** Null when the request carries a live token this sandbox issued, else the 401/40001 error. */
export function checkBearer(
  req: IncomingMessage,
  store: SandboxStore,
): ReturnType<typeof ripioError> | null {
  const match = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? "");
  if (!match?.[1]) {
    return ripioError("notAuthenticated", "Authentication credentials were not provided.");
  }
  return store.isTokenValid(match[1])
    ? null
    : ripioError("notAuthenticated", "The access token is invalid or has expired.");
}
