import type { IncomingMessage } from "node:http";
import { isLoopbackHostname } from "../config.ts";

// A host name or IPv4 address, or a bracketed IPv6 address, then an optional port; nothing else.
const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Whether the request's own `Host` header (never X-Forwarded-Host) names this machine:
 * `localhost`, 127.0.0.0/8 or `[::1]`, with any port. A page on another site that rebinds its
 * DNS name to 127.0.0.1 reaches a loopback listener with its own name as Host, so this is what
 * tells the local demo from a DNS-rebinding attack.
 */
export function hasLoopbackHost(req: IncomingMessage): boolean {
  const host = req.headers.host ?? "";
  if (!HOST_HEADER.test(host)) return false;
  try {
    return isLoopbackHostname(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}
