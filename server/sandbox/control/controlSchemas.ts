import { z } from "zod";

const outcome = z.enum(["CREATED", "FAILED"]);
const httpUrl = z
  .url({ protocol: /^https?$/, error: "url must be an http(s) URL" })
  .describe("webhook URL");

/** The scenario control's inputs, checked the same way for method calls and HTTP bodies. */
export const CONTROL_SCHEMAS = {
  scenarioPatch: z.strictObject({
    ticketsEnabled: z.boolean().exactOptional(),
    processingDelayMs: z.number().int().min(0).max(3_600_000).exactOptional(),
    latencyMs: z.number().int().min(0).max(600_000).exactOptional(),
    nextOutcome: outcome.exactOptional(),
    tokenLifetimeSeconds: z.number().int().min(1).max(31_536_000).exactOptional(),
  }),
  fault: z
    .strictObject({
      target: z.enum(["token", "tickets"]),
      mode: z.enum(["status", "hang", "drop"]),
      status: z.number().int().min(400).max(599).exactOptional(),
      retryAfterSeconds: z.number().int().min(0).max(86_400).exactOptional(),
      count: z.number().int().min(1).max(10_000).exactOptional(),
    })
    .refine((fault) => fault.mode !== "status" || fault.status !== undefined, {
      message: 'status (400–599) is required when mode is "status"',
      path: ["status"],
    }),
  customer: z.strictObject({
    customerId: z.string().min(1, "customerId must be a non-empty string"),
    email: z.email("email must be an email address or null").nullable(),
  }),
  customerId: z.string().min(1, "customerId must be a non-empty string"),
  webhook: z.strictObject({ url: httpUrl }),
  webhookUrl: httpUrl,
  complete: z.strictObject({ outcome }),
  outcome,
} as const;

/** A readable one-line summary of why an input was refused. */
export function describeZodError(error: z.ZodError): string {
  return z.prettifyError(error).replace(/\n\s*/g, " ").replaceAll("✖ ", "");
}
