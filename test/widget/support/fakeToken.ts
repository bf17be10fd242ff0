/**
 * A JWT-shaped token naming `customerId`, unsigned: enough for the widget, which only
 * reads `sub` to keep drafts apart. Offline tests only; the proxy would refuse it.
 */
export function fakeToken(customerId: string): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part({ sub: customerId, exp: 4102444800 })}.sig`;
}
