import { createHmac, timingSafeEqual } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  SANDBOX_WEBHOOK_SECRET,
  createSandbox,
  type Sandbox,
} from "../../../../server/sandbox/createSandbox.ts";
import {
  createTicket,
  getToken,
  startReceiver,
  type ReceivedHook,
} from "../../../support/sandboxHttp.ts";

let sandbox: Sandbox;
let url: string;
const cleanups: (() => Promise<void>)[] = [];

async function start(options: Parameters<typeof createSandbox>[0] = {}): Promise<void> {
  sandbox = createSandbox({ processingDelayMs: 60_000, webhookRetryBaseMs: 10, ...options });
  url = await sandbox.listen();
}
async function receiver(respond?: (n: number) => number | "hang") {
  const started = await startReceiver(respond);
  cleanups.push(started.close);
  return started;
}
afterEach(async () => {
  await sandbox.close();
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

async function newTicketId(): Promise<string> {
  const { body } = await createTicket(url, await getToken(url));
  return String(body.ticketId);
}

/** The receiver's check: HMAC-SHA256 over the raw bytes, compared in constant time. */
function signatureIsValid(hook: ReceivedHook, secret: string): boolean {
  const header = hook.headers["http-x-wh-signature-256"];
  if (typeof header !== "string" || !header.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", secret).update(hook.rawBody).digest();
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe("sandbox webhook events", () => {
  it("when a ticket is CREATED, then every registered URL gets a signed SUPPORT_TICKET.CREATED event", async () => {
    await start();
    const [a, b] = [await receiver(), await receiver()];
    sandbox.control.registerWebhook(a.url);
    sandbox.control.registerWebhook(b.url);
    const ticketId = await newTicketId();
    sandbox.control.completeTicket(ticketId, "CREATED");

    await vi.waitFor(() => expect(a.received.length + b.received.length).toBe(2));
    for (const hook of [a.received[0], b.received[0]]) {
      if (!hook) throw new Error("no delivery");
      expect(signatureIsValid(hook, SANDBOX_WEBHOOK_SECRET)).toBe(true);
      expect(hook.headers["content-type"]).toBe("application/json");
      const text = hook.rawBody.toString("utf8");
      // Compact JSON, as Ripio sends it.
      expect(text).toBe(JSON.stringify(JSON.parse(text)));
      expect(JSON.parse(text)).toEqual({
        eventType: "SUPPORT_TICKET.CREATED",
        issueDatetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        supportTicket: { ticketId, status: "CREATED", issueKey: "SUP-1001" },
      });
    }
    await vi.waitFor(() => expect(sandbox.control.snapshot().webhookDeliveries).toHaveLength(2));
    expect(sandbox.control.snapshot().webhookDeliveries).toEqual(
      expect.arrayContaining([
        { url: a.url, eventType: "SUPPORT_TICKET.CREATED", ticketId, attempt: 1, status: 200 },
        { url: b.url, eventType: "SUPPORT_TICKET.CREATED", ticketId, attempt: 1, status: 200 },
      ]),
    );
  });

  it("when a ticket FAILS after the delay, then a SUPPORT_TICKET.FAILED event is sent", async () => {
    await start({ processingDelayMs: 10 });
    const hooks = await receiver();
    sandbox.control.registerWebhook(hooks.url);
    sandbox.control.setScenario({ nextOutcome: "FAILED" });
    const ticketId = await newTicketId();
    await vi.waitFor(() => expect(hooks.received).toHaveLength(1));
    expect(JSON.parse(hooks.received[0]?.rawBody.toString() ?? "")).toMatchObject({
      eventType: "SUPPORT_TICKET.FAILED",
      supportTicket: { ticketId, status: "FAILED", issueKey: null },
    });
  });

  it("when a custom webhookSecret is given, then events are signed with it", async () => {
    await start({ webhookSecret: "whsec_custom" });
    const hooks = await receiver();
    sandbox.control.registerWebhook(hooks.url);
    sandbox.control.completeTicket(await newTicketId(), "CREATED");
    await vi.waitFor(() => expect(hooks.received).toHaveLength(1));
    const hook = hooks.received[0] as ReceivedHook;
    expect(signatureIsValid(hook, "whsec_custom")).toBe(true);
    expect(signatureIsValid(hook, SANDBOX_WEBHOOK_SECRET)).toBe(false);
  });

  it("when the receiver fails twice then accepts, then the event is delivered 3 times with attempts 1-3", async () => {
    await start();
    const hooks = await receiver((n) => (n <= 2 ? 500 : 204));
    sandbox.control.registerWebhook(hooks.url);
    const ticketId = await newTicketId();
    sandbox.control.completeTicket(ticketId, "CREATED");
    await vi.waitFor(() => expect(sandbox.control.snapshot().webhookDeliveries).toHaveLength(3));
    expect(sandbox.control.snapshot().webhookDeliveries.map((d) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 204],
    ]);
    // Every retry carries the very same bytes and signature.
    const bodies = new Set(hooks.received.map((h) => h.rawBody.toString()));
    expect(bodies.size).toBe(1);
  });

  it("when the receiver always fails, then the sandbox stops after 5 tries", async () => {
    await start();
    const hooks = await receiver(() => 503);
    sandbox.control.registerWebhook(hooks.url);
    sandbox.control.completeTicket(await newTicketId(), "CREATED");
    await vi.waitFor(() => expect(hooks.received).toHaveLength(5));
    // Longer than the next backoff step (10 × 2⁵ ms) would be.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(hooks.received).toHaveLength(5);
    expect(sandbox.control.snapshot().webhookDeliveries.map((d) => d.status)).toEqual(
      Array(5).fill(503),
    );
  });

  it("when the receiver does not answer in time, then the try counts as an error and is retried", async () => {
    await start({ webhookTimeoutMs: 100 });
    const hooks = await receiver((n) => (n === 1 ? "hang" : 200));
    sandbox.control.registerWebhook(hooks.url);
    sandbox.control.completeTicket(await newTicketId(), "CREATED");
    await vi.waitFor(() => expect(sandbox.control.snapshot().webhookDeliveries).toHaveLength(2));
    expect(sandbox.control.snapshot().webhookDeliveries.map((d) => d.status)).toEqual([
      "error",
      200,
    ]);
  });

  it("when nobody listens at the URL, then the tries are recorded as errors", async () => {
    await start();
    const gone = await receiver();
    await gone.close();
    sandbox.control.registerWebhook(gone.url);
    sandbox.control.completeTicket(await newTicketId(), "CREATED");
    await vi.waitFor(() => expect(sandbox.control.snapshot().webhookDeliveries).toHaveLength(5));
    expect(new Set(sandbox.control.snapshot().webhookDeliveries.map((d) => d.status))).toEqual(
      new Set(["error"]),
    );
  });

  it("when a URL is unregistered, then it gets no more events", async () => {
    await start();
    const hooks = await receiver();
    sandbox.control.registerWebhook(hooks.url);
    expect(sandbox.control.unregisterWebhook(hooks.url)).toEqual([]);
    sandbox.control.completeTicket(await newTicketId(), "CREATED");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hooks.received).toHaveLength(0);
  });

  it("when reset happens while retries are pending, then the retries stop and the URLs are forgotten", async () => {
    await start({ webhookRetryBaseMs: 200 });
    const hooks = await receiver(() => 500);
    sandbox.control.registerWebhook(hooks.url);
    sandbox.control.completeTicket(await newTicketId(), "CREATED");
    await vi.waitFor(() => expect(hooks.received).toHaveLength(1));
    sandbox.control.reset();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(hooks.received).toHaveLength(1);
    expect(sandbox.control.snapshot()).toMatchObject({ webhookUrls: [], webhookDeliveries: [] });
  });

  it("when a URL is not http(s), then registering it throws a clear error", async () => {
    await start();
    expect(() => sandbox.control.registerWebhook("ftp://example.com/x")).toThrow(/http\(s\) URL/);
  });
});
