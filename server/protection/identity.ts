import { SignJWT, errors, jwtVerify } from "jose";
import { API } from "../../contract/index.ts";
import { ApiError } from "../http/apiError.ts";

/** Longest a customer token may live (`exp` at most 24 h ahead). */
export const MAX_TOKEN_TTL_SECONDS = 24 * 60 * 60;
/** Clock difference tolerated between the host backend and the proxy. */
export const CLOCK_SKEW_SECONDS = 30;
const ALGORITHM = "HS256";
const MAX_CUSTOMER_ID_CHARS = 256;

/** Customer ids are opaque, but a sane one is 1–256 characters with no control characters. */
export function isCustomerId(value: string): boolean {
  if (value.length === 0 || value.length > MAX_CUSTOMER_ID_CHARS) return false;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/**
 * Signs a customer token for a host backend: HS256 JWT with `sub` = the Ripio customerId,
 * `aud` = "ripio-help" and `exp` = now + ttlSeconds (1 … 86400).
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
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(customerId)
    .setAudience(API.customerTokenAudience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(keyOf(secret));
}

/**
 * Verifies `X-Customer-Token` and returns the customerId it names. Only HS256 is accepted
 * (so `alg: none` and every other algorithm fail), `sub` and `exp` are required, and `exp`
 * may lie at most 24 h (+ skew) ahead. An `aud` must name "ripio-help" (a token made for another
 * service signed with a reused secret is refused); none is fine, for host backends signing with
 * their own JWT library. Throws ApiError IDENTITY_EXPIRED or IDENTITY_INVALID.
 */
export async function verifyCustomerToken(
  token: string,
  secret: string,
  now: () => number = Date.now,
): Promise<string> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      requiredClaims: ["sub", "exp"],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: new Date(now()),
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new ApiError("IDENTITY_EXPIRED", "The customer token has expired; get a fresh one.");
    }
    // Signature, algorithm, shape and claim failures all mean the same to the caller.
    throw new ApiError("IDENTITY_INVALID", "The customer token is not valid.", { cause: error });
  }
  const { sub, exp, aud } = payload;
  if (typeof sub !== "string" || !isCustomerId(sub)) {
    throw new ApiError("IDENTITY_INVALID", "The customer token names no customer.");
  }
  if (
    aud !== undefined &&
    !(Array.isArray(aud) ? aud : [aud]).includes(API.customerTokenAudience)
  ) {
    throw new ApiError("IDENTITY_INVALID", "The customer token is meant for another service.");
  }
  const latest = now() / 1000 + MAX_TOKEN_TTL_SECONDS + CLOCK_SKEW_SECONDS;
  if (typeof exp !== "number" || exp > latest) {
    throw new ApiError("IDENTITY_INVALID", "The customer token lives longer than 24 hours.");
  }
  return sub;
}
