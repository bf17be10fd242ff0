import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";

// Headers a reverse proxy adds: behind one on the same host, every visitor arrives from loopback.
const FORWARDED = ["forwarded", "x-forwarded-for", "x-real-ip"] as const;

function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || (isIP(v4) === 4 && v4.startsWith("127."));
}

const digest = (value: string): Buffer => createHash("sha256").update(value).digest();

/**
 * Whether a caller may read `/metrics`: it shows `Authorization: Bearer <token>` (compared in
 * constant time, as SHA-256 digests, so not even the token's length leaks), or it connects
 * from loopback while no reverse proxy is configured (`behindProxy` false: TRUST_PROXY unset)
 * and none shows in its headers. Behind a proxy every visitor's socket is loopback, and a
 * plain `proxy_pass` adds no header to tell them apart, so only the setting can say.
 */
export function mayReadMetrics(
  req: IncomingMessage,
  access: { token: string | null; behindProxy: boolean },
): boolean {
  const { token } = access;
  const direct = FORWARDED.every((name) => req.headers[name] === undefined);
  if (!access.behindProxy && direct && isLoopback(req.socket.remoteAddress)) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  if (token === null || !match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(token));
}
