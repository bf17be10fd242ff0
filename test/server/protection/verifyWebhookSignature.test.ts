import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "../../../server/protection/verifyWebhookSignature.ts";

describe("verifyWebhookSignature", () => {
  const body = Buffer.from('{"eventType":"SUPPORT_TICKET.CREATED"}');
  const hex = createHmac("sha256", "s").update(body).digest("hex");

  it("when either header carries the HMAC, with or without sha256=, in any case, then true", () => {
    expect(verifyWebhookSignature({ "http-x-wh-signature-256": `sha256=${hex}` }, body, "s")).toBe(
      true,
    );
    expect(verifyWebhookSignature({ "x-wh-signature-256": hex.toUpperCase() }, body, "s")).toBe(
      true,
    );
  });

  it("when the signature is missing, short, or of other bytes, then false", () => {
    expect(verifyWebhookSignature({}, body, "s")).toBe(false);
    expect(verifyWebhookSignature({ "x-wh-signature-256": hex.slice(2) }, body, "s")).toBe(false);
    expect(verifyWebhookSignature({ "x-wh-signature-256": hex }, Buffer.from("{}"), "s")).toBe(
      false,
    );
  });
});
