/**
 * Builders for the widget tests' data, in one place: each gives a valid thing by default
 * and takes only what a test means to vary.
 */
import { randomUUID } from "node:crypto";
import type { Ticket } from "../../../contract/index.ts";
import { fileExtension, isAllowedExtension } from "../../../contract/index.ts";
import { fileBytes } from "../../support/sandboxFiles.ts";

/**
 * A File as a browser would hand it over. `size` overrides the reported size without
 * allocating it (the widget judges sizes before reading bytes); the bytes themselves
 * start like a real file of the extension, so the proxy's content check passes.
 */
export function buildFile(
  name: string,
  options: { type?: string; size?: number; bytes?: number } = {},
): File {
  const ext = fileExtension(name);
  const content = isAllowedExtension(ext) ? fileBytes(ext, options.bytes ?? 64) : new Uint8Array(1);
  const file = new File([content], name, { type: options.type ?? "" });
  if (options.size !== undefined) Object.defineProperty(file, "size", { value: options.size });
  return file;
}

/** A ticket as the proxy answers it: PENDING unless told otherwise (CREATED gets a key). */
export function buildTicket(overrides: Partial<Ticket> = {}): Ticket {
  const status = overrides.status ?? "PENDING";
  return {
    ticketId: "t-1",
    status,
    issueKey: status === "CREATED" ? "SUP-1001" : null,
    ...overrides,
  };
}

/** A customer id no other test uses (opaque to the proxy and the sandbox). */
export function buildCustomerId(): string {
  return `cus_test_${randomUUID().slice(0, 8)}`;
}

/**
 * A JWT-shaped token naming `customerId`, unsigned: enough for the widget, which only
 * reads `sub` to keep drafts apart. Offline tests only; the proxy would refuse it.
 */
export function fakeToken(customerId: string): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part({ sub: customerId, exp: 4102444800 })}.sig`;
}
