import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

// Ripio documents `Http-X-Wh-Signature-256`; integrations also see `X-Wh-Signature-256`.
const HEADERS = ["http-x-wh-signature-256", "x-wh-signature-256"] as const;
const HEX_SHA256 = /^(?:sha256=)?([0-9a-f]{64})$/i;

/**
 * True when a webhook's signature header (either spelling, with or without `sha256=`) is the
 * HMAC-SHA256 of the raw body bytes under `secret`; compared in constant time.
 */
export function verifyWebhookSignature(
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
  secret: string,
): boolean {
  const value = HEADERS.map((name) => headers[name]).find((v) => v !== undefined);
  const match = HEX_SHA256.exec((Array.isArray(value) ? value[0] : value)?.trim() ?? "");
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], "hex");
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
