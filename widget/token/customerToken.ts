import { createHmac, timingSafeEqual } from "node:crypto";

/** Longest a customer token may live: the proxy refuses an `exp` more than 24 h ahead. */
export const MAX_TOKEN_TTL_SECONDS = 24 * 60 * 60;
/** Clock difference tolerated between the host backend and the proxy, as the proxy does. */
const CLOCK_SKEW_SECONDS = 30;
const MAX_CUSTOMER_ID_CHARS = 256;
/**
 * The audience the proxy expects (contract/api.ts, `AUDIENCE`), written here
 * because this entry is built on its own, from this folder alone; a test keeps the two equal.
 */
const AUDIENCE = "ripio-help";
/** The only header this module writes, and the only algorithm it accepts. */
const HEADER = { alg: "HS256", typ: "JWT" } as const;

/** Why `verifyCustomerToken` refused a token: `expired` (get a fresh one) or `invalid`. */
export class CustomerTokenError extends Error {
  override name = "CustomerTokenError";
  constructor(
    readonly reason: "expired" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

/** Customer ids are opaque, but a sane one is 1–256 characters with no control characters. */
function isCustomerId(value: string): boolean {
  if (value.length === 0 || value.length > MAX_CUSTOMER_ID_CHARS) return false;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

const base64url = (bytes: string | Buffer): string => Buffer.from(bytes).toString("base64url");

function hmac(signingInput: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(signingInput).digest();
}

/**
 * Signs a customer token for the help proxy: an HS256 JWT with `sub` = the Ripio customerId,
 * `aud` = "ripio-help", `iat` = now and `exp` = now + ttlSeconds (1 … 86400), with the `HELP_IDENTITY_SECRET` the
 * host backend shares with the proxy. The same token any HS256 JWT library makes.
 */
export async function signCustomerToken(
  customerId: string,
  secret: string,
  ttlSeconds: number,
): Promise<string> {
  if (!isCustomerId(customerId))
    throw new RangeError("customerId must be 1–256 printable characters");
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TOKEN_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be a whole number from 1 to ${MAX_TOKEN_TTL_SECONDS}`);
  }
  if (secret.length === 0) throw new RangeError("secret must not be empty");
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: customerId,
    aud: AUDIENCE,
    iat: now,
    exp: now + ttlSeconds,
  };
  const signingInput = `${base64url(JSON.stringify(HEADER))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${base64url(hmac(signingInput, secret))}`;
}

function parseJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a customer token the way the proxy does and returns the customerId it names: HS256
 * only (`alg: none` and every other algorithm are refused), a valid signature, `sub` and `exp`
 * present, not expired and not living more than 24 h ahead (30 s of clock skew allowed); an
 * `aud`, when present, must name "ripio-help" (a token made for another service is refused).
 * Throws `CustomerTokenError` with reason `expired` or `invalid`.
 */
export async function verifyCustomerToken(
  token: string,
  secret: string,
  now: () => number = Date.now,
): Promise<string> {
  const invalid = (why: string) => new CustomerTokenError("invalid", `Invalid token: ${why}.`);
  const parts = token.split(".");
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || !header || !payload || signature === undefined)
    throw invalid("not a JWS compact token");
  const head = parseJson(header);
  if (!isRecord(head) || head.alg !== HEADER.alg) throw invalid("algorithm is not HS256");
  if ("crit" in head) throw invalid("unsupported critical header");
  const given = Buffer.from(signature, "base64url");
  const expected = hmac(`${header}.${payload}`, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw invalid("signature does not match");
  const claims = parseJson(payload);
  if (!isRecord(claims)) throw invalid("payload is not a JSON object");
  const { sub, exp, nbf, aud } = claims;
  if (typeof sub !== "string" || !isCustomerId(sub)) throw invalid("no customer in sub");
  const audiences: unknown[] = aud === undefined ? [] : Array.isArray(aud) ? aud : [aud];
  if (aud !== undefined && !audiences.includes(AUDIENCE))
    throw invalid("made for another audience");
  if (typeof exp !== "number" || !Number.isFinite(exp)) throw invalid("no exp");
  const seconds = now() / 1000;
  if (typeof nbf === "number" && nbf > seconds + CLOCK_SKEW_SECONDS) throw invalid("not valid yet");
  if (exp <= seconds - CLOCK_SKEW_SECONDS)
    throw new CustomerTokenError("expired", "The customer token has expired.");
  if (exp > seconds + MAX_TOKEN_TTL_SECONDS + CLOCK_SKEW_SECONDS)
    throw invalid("lives longer than 24 hours");
  return sub;
}
