import { afterAll, beforeAll, beforeEach } from "vitest";
import type { SandboxOptions } from "../../../server/sandbox/createSandbox.ts";
import type { ReceivedTicket } from "../../../server/sandbox/types.ts";
import { buildCustomerId } from "./builders.ts";
import { startRemoteTestServer, type RemoteTestServer } from "./remoteTestServer.ts";

/** A customer only the current test uses, and a token for it. */
export interface TestCustomer {
  customerId: string;
  token: string;
}

/** The file's proxy, as a test sees it. */
export interface SharedTestServer {
  readonly url: string;
  /** The sandbox's scenario control (async: it runs in the server's process). */
  readonly control: RemoteTestServer["sandbox"]["control"];
  /** The tickets the sandbox (Ripio) received in this test, with their fields and files. */
  tickets(): Promise<ReceivedTicket[]>;
  /** A new customer, known to Ripio (with an email unless `email: null`), and its token. */
  customer(options?: { email?: string | null; ttlSeconds?: number }): Promise<TestCustomer>;
  /** Another token for a customer of this test (e.g. a short-lived one). */
  tokenFor(customerId: string, ttlSeconds?: number): Promise<string>;
  /** Resets the sandbox mid-test (Ripio is back to normal); this test's customers stay known. */
  resetSandbox(): Promise<void>;
}

/**
 * One proxy and sandbox on loopback for all the tests of the calling file, closed after
 * them; starting one takes 1.5–2.5 s, a test often less. Each test still starts fresh:
 * the sandbox is reset before it (scenario, faults, tickets, customers, tokens; the
 * proxy's webhook stays registered), and its customers are new, so what the proxy keeps
 * per customer — ticket owners, idempotency keys, ticket rate limits — is never another
 * test's. jsdom's origin (http://localhost:3000) is an allowed origin.
 */
export function serverPerFile(
  options: { sandbox?: SandboxOptions; clockAheadMs?: number } = {},
): SharedTestServer {
  let server: RemoteTestServer | null = null;
  // This test's customers, as Ripio knows them: a reset forgets all but the seeds.
  let customers: { customerId: string; email: string | null }[] = [];
  const running = (): RemoteTestServer => {
    if (!server) throw new Error("The test server runs only inside the file's tests.");
    return server;
  };
  beforeAll(async () => {
    server = await startRemoteTestServer({
      ...options,
      sandbox: { processingDelayMs: 200, ...options.sandbox },
    });
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    server = null;
  });
  beforeEach(async () => {
    customers = [];
    await running().sandbox.control.reset();
  });

  return {
    get url() {
      return running().url;
    },
    get control() {
      return running().sandbox.control;
    },
    async tickets() {
      return (await running().sandbox.control.snapshot()).tickets;
    },
    async customer({ email, ttlSeconds } = {}) {
      const customerId = buildCustomerId();
      const customer = {
        customerId,
        email: email === undefined ? `${customerId}@example.com` : email,
      };
      await running().sandbox.control.upsertCustomer(customer);
      customers.push(customer);
      return { customerId, token: await running().tokenFor(customerId, ttlSeconds) };
    },
    tokenFor: (customerId, ttlSeconds) => running().tokenFor(customerId, ttlSeconds),
    async resetSandbox() {
      const { control } = running().sandbox;
      await control.reset();
      for (const customer of customers) await control.upsertCustomer(customer);
    },
  };
}
