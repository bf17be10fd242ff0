import type { Ticket, TicketStatus } from "../../contract/index.ts";

/** What `createSandbox` can be tuned with; every field has a default. */
export interface SandboxOptions {
  /** Lifetime of issued tokens; default 36000 (Ripio's example). */
  tokenLifetimeSeconds?: number;
  /** Delay before a PENDING ticket becomes CREATED or FAILED; default 1500. */
  processingDelayMs?: number;
  /** Key for the webhook signatures; default `SANDBOX_WEBHOOK_SECRET`. */
  webhookSecret?: string;
  /** First webhook retry delay, doubling each time; default 500. */
  webhookRetryBaseMs?: number;
  /** How long one webhook delivery may take before it counts as failed; default 5000. */
  webhookTimeoutMs?: number;
  /** Clock in ms for token expiry only; default `Date.now`. */
  now?: () => number;
}

/** The outcome a ticket's asynchronous processing ends in. */
export type TicketOutcome = "CREATED" | "FAILED";

/** The scenario the sandbox currently plays. */
export interface Scenario {
  ticketsEnabled: boolean;
  processingDelayMs: number;
  /** Added before every token and ticket answer (never to /__sandbox/). */
  latencyMs: number;
  /** Outcome of the next created ticket; goes back to CREATED once used. */
  nextOutcome: TicketOutcome;
  tokenLifetimeSeconds: number;
}

/** A change to the scenario; absent keys stay as they are. */
export type ScenarioPatch = Partial<Scenario>;

/** A failure injected into the next `count` requests to a target. */
export interface FaultSpec {
  /** "tickets" covers Create and Retrieve Support Ticket. */
  target: "token" | "tickets";
  /** "status": answer `status`; "hang": never answer; "drop": destroy the socket. */
  mode: "status" | "hang" | "drop";
  /** Required when mode is "status". */
  status?: number;
  /** Sent as `Retry-After`; defaults to 1 when status is 429. */
  retryAfterSeconds?: number;
  /** How many requests fail; default 1. */
  count?: number;
}

/** A fault still waiting for requests, as the snapshot shows it. */
export interface PendingFault {
  target: FaultSpec["target"];
  mode: FaultSpec["mode"];
  status: number | null;
  retryAfterSeconds: number | null;
  remaining: number;
}

/** A customer as the sandbox knows it. */
export interface SandboxCustomer {
  customerId: string;
  email: string | null;
}

/** What the sandbox kept of one attachment: enough to prove the bytes arrived intact. */
export interface ReceivedFile {
  /** The file name exactly as it arrived in the multipart part. */
  name: string;
  size: number;
  sha256: string;
  /** The part's Content-Type as sent ("application/octet-stream" when none). */
  contentType: string;
}

/** One accepted ticket with the fields it arrived with. */
export interface ReceivedTicket {
  ticketId: string;
  customerId: string;
  summary: string;
  description: string;
  status: TicketStatus;
  issueKey: string | null;
  /** ISO time of acceptance. */
  createdAt: string;
  files: ReceivedFile[];
}

/** One webhook delivery attempt. */
export interface WebhookDelivery {
  url: string;
  eventType: WebhookEventType;
  ticketId: string;
  /** 1 for the first try, up to 5. */
  attempt: number;
  /** The receiver's HTTP status, or "error" for a timeout or network failure. */
  status: number | "error";
}

/** One request to the upstream endpoints (control routes are not recorded). */
export interface RequestRecord {
  method: string;
  /** The path without its query. */
  path: string;
  /** The status answered, or the fault that kept it from being answered. */
  status: number | "hang" | "drop";
}

/** Everything the sandbox received and did; no tokens or secrets. */
export interface SandboxState {
  scenario: Scenario;
  /** Requests that reached the token endpoint, faulted ones included. */
  tokenRequests: number;
  customers: SandboxCustomer[];
  tickets: ReceivedTicket[];
  webhookUrls: string[];
  webhookDeliveries: WebhookDelivery[];
  requests: RequestRecord[];
  faults: PendingFault[];
}

/** The Support Ticket webhook event types Ripio documents. */
export type WebhookEventType = "SUPPORT_TICKET.CREATED" | "SUPPORT_TICKET.FAILED";

/** The scenario control: the same operations the /__sandbox/ routes call. */
export interface SandboxControl {
  /** Back to the seeds and default scenario; forgets tickets, tokens, faults, counters and webhook URLs. */
  reset(): void;
  /** Changes the scenario; throws a `ZodError` on a bad value. */
  setScenario(patch: ScenarioPatch): Scenario;
  /** Queues a fault for the next `count` requests to its target. */
  addFault(fault: FaultSpec): PendingFault[];
  /** Adds a customer or replaces its email. */
  upsertCustomer(customer: SandboxCustomer): SandboxCustomer;
  /** Forgets a customer; false when it was unknown. */
  removeCustomer(customerId: string): boolean;
  /** Adds a URL every webhook event is POSTed to. */
  registerWebhook(url: string): string[];
  /** Stops sending events to a URL. */
  unregisterWebhook(url: string): string[];
  /** Finishes a PENDING ticket now (and fires its webhook); null for an unknown id. */
  completeTicket(ticketId: string, outcome: TicketOutcome): Ticket | null;
  /** Makes every issued token expired; returns how many were live. */
  expireTokens(): number;
  /** A deep copy of the state. */
  snapshot(): SandboxState;
}

/** A running (or ready to run) sandbox. */
export interface Sandbox {
  /** Listens (default port 0 on 127.0.0.1) and resolves the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Closes the server, destroys every socket (hung ones too) and clears every timer. */
  close(): Promise<void>;
  /** The base URL; throws before `listen`. */
  readonly url: string;
  readonly control: SandboxControl;
}
