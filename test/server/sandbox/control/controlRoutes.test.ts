import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSandbox, type Sandbox } from "../../../../server/sandbox/createSandbox.ts";
import type { SandboxState } from "../../../../server/sandbox/types.ts";
import { fileBytes, sha256 } from "../../../support/sandboxFiles.ts";
import {
  callControl,
  createTicket,
  getToken,
  requestToken,
  retrieveTicket,
  startReceiver,
  ticketForm,
} from "../../../support/sandboxHttp.ts";

let sandbox: Sandbox;
let url: string;

beforeEach(async () => {
  sandbox = createSandbox({ processingDelayMs: 60_000, webhookRetryBaseMs: 10 });
  url = await sandbox.listen();
});
afterEach(() => sandbox.close());

describe("sandbox control over HTTP", () => {
  it("when GET /__sandbox/state is called on a fresh sandbox, then it shows the seeds and the default scenario", async () => {
    const { status, body } = await callControl<SandboxState>(url, "GET", "/state");
    expect(status).toBe(200);
    expect(body).toEqual({
      scenario: {
        ticketsEnabled: true,
        processingDelayMs: 60_000,
        latencyMs: 0,
        nextOutcome: "CREATED",
        tokenLifetimeSeconds: 36_000,
      },
      tokenRequests: 0,
      customers: [
        { customerId: "cus_demo_alice", email: "alice@example.com" },
        { customerId: "cus_demo_bob", email: "bob@example.com" },
        { customerId: "cus_no_email", email: null },
      ],
      tickets: [],
      webhookUrls: [],
      webhookDeliveries: [],
      requests: [],
      faults: [],
    });
  });

  it("when a ticket with a file was received, then the state lists its fields and digest", async () => {
    const bytes = fileBytes("pdf", 4321);
    const token = await getToken(url);
    await createTicket(url, token, ticketForm({ files: [{ name: "statement.pdf", bytes }] }));
    const { body } = await callControl<SandboxState>(url, "GET", "/state");
    expect(body.tickets[0]).toMatchObject({
      customerId: "cus_demo_alice",
      status: "PENDING",
      files: [{ name: "statement.pdf", size: 4321, sha256: sha256(bytes) }],
    });
    expect(body.requests).toEqual([
      { method: "POST", path: "/oauth2/token/", status: 200 },
      { method: "POST", path: "/api/v1/supportTickets/", status: 202 },
    ]);
    expect(body.tokenRequests).toBe(1);
  });

  it("when PATCH /__sandbox/scenario turns tickets off, then Create answers 403 20061", async () => {
    const token = await getToken(url);
    const { status, body } = await callControl(url, "PATCH", "/scenario", {
      ticketsEnabled: false,
      latencyMs: 0,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ticketsEnabled: false });
    expect((await createTicket(url, token)).body).toMatchObject({ code: 20061 });
  });

  it.each([
    [{ ticketsEnabled: "no" }, /ticketsEnabled/],
    [{ processingDelayMs: -1 }, /processingDelayMs/],
    [{ nextOutcome: "MAYBE" }, /nextOutcome/],
    [{ latencyMS: 10 }, /latencyMS/],
  ])("when the scenario body is %j, then it answers 400 naming the key", async (patch, message) => {
    const { status, body } = await callControl(url, "PATCH", "/scenario", patch);
    expect(status).toBe(400);
    expect(body).toEqual({ error: expect.stringMatching(message) });
    expect(sandbox.control.snapshot().scenario.ticketsEnabled).toBe(true);
  });

  it("when the body is not JSON, then it answers 400", async () => {
    const res = await fetch(`${url}/__sandbox/scenario`, { method: "PATCH", body: "{oops" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "the body must be JSON" });
  });

  it("when POST /__sandbox/faults queues a 503, then the next token request fails", async () => {
    const { status, body } = await callControl(url, "POST", "/faults", {
      target: "token",
      mode: "status",
      status: 503,
      count: 1,
    });
    expect(status).toBe(201);
    expect(body).toEqual({
      faults: [
        { target: "token", mode: "status", status: 503, retryAfterSeconds: null, remaining: 1 },
      ],
    });
    expect((await requestToken(url)).status).toBe(503);
  });

  it.each([
    [{ target: "token", mode: "status" }, /status/],
    [{ target: "everything", mode: "hang" }, /target/],
    [{ target: "token", mode: "status", status: 200 }, /status/],
    [{ target: "token", mode: "drop", count: 0 }, /count/],
  ])("when the fault body is %j, then it answers 400", async (fault, message) => {
    const { status, body } = await callControl(url, "POST", "/faults", fault);
    expect(status).toBe(400);
    expect(body).toEqual({ error: expect.stringMatching(message) });
    expect(sandbox.control.snapshot().faults).toEqual([]);
  });

  it("when customers are added and removed over HTTP, then Create follows", async () => {
    const token = await getToken(url);
    const added = await callControl(url, "POST", "/customers", {
      customerId: "cus_x",
      email: null,
    });
    expect(added).toMatchObject({ status: 200, body: { customerId: "cus_x", email: null } });
    expect(
      (await createTicket(url, token, ticketForm({ customerId: "cus_x" }))).body,
    ).toMatchObject({
      code: 20063,
    });
    await callControl(url, "POST", "/customers", { customerId: "cus_x", email: "x@example.com" });
    expect((await createTicket(url, token, ticketForm({ customerId: "cus_x" }))).status).toBe(202);

    expect((await callControl(url, "DELETE", "/customers/cus_x")).status).toBe(204);
    expect((await callControl(url, "DELETE", "/customers/cus_x")).status).toBe(404);
    expect(
      (await createTicket(url, token, ticketForm({ customerId: "cus_x" }))).body,
    ).toMatchObject({
      code: 20062,
    });
  });

  it("when a customer body is bad, then it answers 400", async () => {
    const noEmail = await callControl(url, "POST", "/customers", {
      customerId: "c",
      email: "nope",
    });
    expect(noEmail).toMatchObject({ status: 400, body: { error: expect.stringMatching(/email/) } });
    const noId = await callControl(url, "POST", "/customers", { email: null });
    expect(noId.status).toBe(400);
  });

  it("when webhooks are registered, completed and unregistered over HTTP, then events follow", async () => {
    const hooks = await startReceiver();
    try {
      const token = await getToken(url);
      const { body: ticket } = await createTicket(url, token);
      const registered = await callControl(url, "POST", "/webhooks", { url: hooks.url });
      expect(registered).toMatchObject({ status: 200, body: { webhookUrls: [hooks.url] } });

      const done = await callControl(url, "POST", `/tickets/${String(ticket.ticketId)}/complete`, {
        outcome: "CREATED",
      });
      expect(done).toMatchObject({
        status: 200,
        body: { ticketId: ticket.ticketId, status: "CREATED", issueKey: "SUP-1001" },
      });
      await vi.waitFor(() => expect(hooks.received).toHaveLength(1));

      const removed = await callControl(url, "DELETE", "/webhooks", { url: hooks.url });
      expect(removed.body).toEqual({ webhookUrls: [] });
    } finally {
      await hooks.close();
    }
  });

  it("when an unknown ticket is completed or the outcome is bad, then it answers 404 / 400", async () => {
    const unknown = await callControl(url, "POST", "/tickets/nope/complete", {
      outcome: "CREATED",
    });
    expect(unknown.status).toBe(404);
    const bad = await callControl(url, "POST", "/tickets/nope/complete", { outcome: "DONE" });
    expect(bad.status).toBe(400);
  });

  it("when POST /__sandbox/tokens/expire is called, then issued tokens answer 401 40001", async () => {
    const token = await getToken(url);
    const { status, body } = await callControl(url, "POST", "/tokens/expire");
    expect(status).toBe(200);
    expect(body).toEqual({ expired: 1 });
    expect((await retrieveTicket(url, token, "x")).body).toMatchObject({ code: 40001 });
  });

  it("when POST /__sandbox/reset is called, then everything returns to the seeds", async () => {
    const token = await getToken(url);
    await createTicket(url, token);
    sandbox.control.setScenario({ ticketsEnabled: false, latencyMs: 5, nextOutcome: "FAILED" });
    sandbox.control.removeCustomer("cus_demo_bob");
    sandbox.control.upsertCustomer({ customerId: "cus_extra", email: null });
    sandbox.control.addFault({ target: "token", mode: "hang" });
    sandbox.control.registerWebhook("http://127.0.0.1:9/hook");

    const { status, body } = await callControl<SandboxState>(url, "POST", "/reset");
    expect(status).toBe(200);
    const other = createSandbox({ processingDelayMs: 60_000 });
    expect(body).toEqual(other.control.snapshot());
    await other.close();
    expect((await requestToken(url)).status).toBe(200);
  });

  it("when an unknown control route or a wrong method is used, then it answers 404 / 405", async () => {
    expect((await callControl(url, "GET", "/nothing")).status).toBe(404);
    const wrong = await fetch(`${url}/__sandbox/reset`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });
});
