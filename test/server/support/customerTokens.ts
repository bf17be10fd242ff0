import { SignJWT } from "jose";

/** Signs a token with any header and claims, to forge the tokens a real signer never makes. */
export async function forgeToken(
  secret: string,
  claims: Record<string, unknown>,
  alg: "HS256" | "HS384" | "HS512" = "HS256",
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, typ: "JWT" })
    .sign(new TextEncoder().encode(secret));
}

/** An unsigned `alg: none` token for `sub` (what an attacker would send). */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;
}

/** Seconds since the epoch, as JWT claims count. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** HELP_IDENTITY_SECRET for tests that forge tokens (32+ characters, as real mode wants). */
export const TEST_IDENTITY_SECRET = "test-identity-secret-0123456789abcdef";
