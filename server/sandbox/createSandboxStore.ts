import { randomBytes } from "node:crypto";
import { SANDBOX_CUSTOMERS, SANDBOX_DEFAULTS } from "./seeds.ts";
import type {
  FaultSpec,
  PendingFault,
  ReceivedTicket,
  RequestRecord,
  SandboxState,
  Scenario,
  WebhookDelivery,
} from "./types.ts";

// The logs are for tests and the demo gallery; a long-running demo must not grow without end.
const MAX_LOG_ENTRIES = 1000;

/** The sandbox's in-memory state and the bookkeeping on it; behaviour lives elsewhere. */
export interface SandboxStore {
  readonly scenario: Scenario;
  readonly customers: Map<string, string | null>;
  readonly tickets: Map<string, ReceivedTicket>;
  readonly webhookUrls: Set<string>;
  issueToken(): { accessToken: string; expiresIn: number };
  /** True for a token this sandbox issued that has not expired. */
  isTokenValid(token: string): boolean;
  expireTokens(): number;
  addFault(fault: FaultSpec): void;
  /** Uses up one request of the oldest fault for `target`, if any. */
  takeFault(target: FaultSpec["target"]): PendingFault | null;
  countTokenRequest(): void;
  nextIssueKey(): string;
  recordRequest(record: RequestRecord): void;
  recordDelivery(delivery: WebhookDelivery): void;
  reset(): void;
  snapshot(): SandboxState;
}

/** Creates the store with the seeds and the default scenario. */
export function createSandboxStore(defaults: {
  tokenLifetimeSeconds: number;
  processingDelayMs: number;
  now: () => number;
}): SandboxStore {
  const initialScenario = (): Scenario => ({
    ticketsEnabled: true,
    processingDelayMs: defaults.processingDelayMs,
    latencyMs: 0,
    nextOutcome: "CREATED",
    tokenLifetimeSeconds: defaults.tokenLifetimeSeconds,
  });
  const scenario = initialScenario();
  const customers = new Map<string, string | null>();
  const tickets = new Map<string, ReceivedTicket>();
  const webhookUrls = new Set<string>();
  // Token → expiry time in ms on the `now` clock.
  const tokens = new Map<string, number>();
  let faults: PendingFault[] = [];
  let tokenRequests = 0;
  let issueNumber: number = SANDBOX_DEFAULTS.firstIssueNumber;
  let requests: RequestRecord[] = [];
  let deliveries: WebhookDelivery[] = [];

  const pushCapped = <T>(log: T[], entry: T): T[] => {
    log.push(entry);
    return log.length > MAX_LOG_ENTRIES ? log.slice(-MAX_LOG_ENTRIES) : log;
  };

  function reset(): void {
    Object.assign(scenario, initialScenario());
    customers.clear();
    for (const seed of SANDBOX_CUSTOMERS) customers.set(seed.customerId, seed.email);
    tickets.clear();
    webhookUrls.clear();
    tokens.clear();
    faults = [];
    tokenRequests = 0;
    issueNumber = SANDBOX_DEFAULTS.firstIssueNumber;
    requests = [];
    deliveries = [];
  }
  reset();

  return {
    scenario,
    customers,
    tickets,
    webhookUrls,
    issueToken() {
      const now = defaults.now();
      for (const [token, expiresAt] of tokens) if (expiresAt <= now) tokens.delete(token);
      const accessToken = randomBytes(32).toString("base64url");
      tokens.set(accessToken, now + scenario.tokenLifetimeSeconds * 1000);
      return { accessToken, expiresIn: scenario.tokenLifetimeSeconds };
    },
    isTokenValid(token) {
      const expiresAt = tokens.get(token);
      return expiresAt !== undefined && defaults.now() < expiresAt;
    },
    expireTokens() {
      const now = defaults.now();
      let live = 0;
      for (const [token, expiresAt] of tokens) {
        if (expiresAt > now) live += 1;
        tokens.set(token, now);
      }
      return live;
    },
    addFault(fault) {
      faults.push({
        target: fault.target,
        mode: fault.mode,
        status: fault.mode === "status" ? (fault.status ?? null) : null,
        retryAfterSeconds: fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : null),
        remaining: fault.count ?? 1,
      });
    },
    takeFault(target) {
      const fault = faults.find((f) => f.target === target);
      if (!fault) return null;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
      return { ...fault };
    },
    countTokenRequest: () => void (tokenRequests += 1),
    nextIssueKey: () => `SUP-${issueNumber++}`,
    recordRequest: (record) => void (requests = pushCapped(requests, record)),
    recordDelivery: (delivery) => void (deliveries = pushCapped(deliveries, delivery)),
    reset,
    snapshot: () =>
      structuredClone({
        scenario,
        tokenRequests,
        customers: [...customers].map(([customerId, email]) => ({ customerId, email })),
        tickets: [...tickets.values()],
        webhookUrls: [...webhookUrls],
        webhookDeliveries: deliveries,
        requests,
        faults,
      }),
  };
}
