// cyrb53: a small, well-spread 53-bit string hash. Not for security: it only keeps the
// customer id itself out of sessionStorage key names.
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * A storage key for the customer a token names: a hash of the JWT's `sub`, read without
 * verifying the signature (the proxy verifies; this only keeps two customers' drafts
 * apart in one browser tab). `null` when the token is not a readable JWT.
 */
export function customerKeyFromToken(token: string | null): string | null {
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(payload));
    const sub =
      typeof claims === "object" && claims !== null ? (claims as { sub?: unknown }).sub : null;
    return typeof sub === "string" && sub !== "" ? hash53(sub) : null;
  } catch {
    return null;
  }
}
