/** The seeded OAuth client id, fixed in docs/architecture.md. */
export const SANDBOX_CLIENT_ID = "sandbox-client";

/** The seeded OAuth client secret, fixed in docs/architecture.md (a development value, not a secret). */
export const SANDBOX_CLIENT_SECRET = "sandbox-secret";

/** The default key the sandbox signs webhook events with. */
export const SANDBOX_WEBHOOK_SECRET = "sandbox-webhook-secret";

/** Seeded customers: two with an email and one without, for the 20063 case. */
export const SANDBOX_CUSTOMERS: readonly {
  readonly customerId: string;
  readonly email: string | null;
}[] = [
  { customerId: "cus_demo_alice", email: "alice@example.com" },
  { customerId: "cus_demo_bob", email: "bob@example.com" },
  { customerId: "cus_no_email", email: null },
];

/** Scenario and timing defaults (Ripio's example token lives 36000 s). */
export const SANDBOX_DEFAULTS = {
  tokenLifetimeSeconds: 36_000,
  processingDelayMs: 1_500,
  webhookRetryBaseMs: 500,
  webhookTimeoutMs: 5_000,
  webhookMaxAttempts: 5,
  firstIssueNumber: 1001,
} as const;
