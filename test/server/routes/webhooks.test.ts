import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { webhookEventProblem } from "../../../server/routes/webhookChecks.ts";
import { SANDBOX_WEBHOOK_SECRET } from "../../../server/sandbox/seeds.ts";
import { call, getTicket, postTicket } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";

let server: TestServer;
let alice: string;
beforeAll(async () => {
  // Processing takes long enough that only our hand-made events change the ticket.
  server = await startTestServer({ sandbox: { processingDelayMs: 60_000 } });
});
afterAll(() => server.close());
beforeEach(async () => {
  server.sandbox.control.reset();
  alice = await server.tokenFor("cus_demo_alice");
});

const hmac = (body: string, secret = SANDBOX_WEBHOOK_SECRET) =>
  createHmac("sha256", secret).update(body).digest("hex");

function event(
  ticketId: string,
  outcome: "CREATED" | "FAILED",
  issueKey: string | null = "SUP-77",
) {
  return JSON.stringify({
    eventType: `SUPPORT_TICKET.${outcome}`,
    issueDatetime: new Date().toISOString(),
    supportTicket: { ticketId, status: outcome, issueKey: outcome === "CREATED" ? issueKey : null },
  });
}

const deliver = (body: string, headers: Record<string, string>) =>
  call(server.url, "POST", "/webhooks/ripio", {
    headers: { "content-type": "application/json", ...headers },
    body,
  });

async function pendingTicket(): Promise<string> {
  const sent = await postTicket(server.url, alice);
  return String(sent.body.ticketId);
}
const statusOf = async (ticketId: string) => (await getTicket(server.url, alice, ticketId)).body;

describe("POST /webhooks/ripio", () => {
  it("when the signature is missing or wrong, then 401 and the ticket is unchanged", async () => {
    const ticketId = await pendingTicket();
    const body = event(ticketId, "CREATED");
    const refused = [
      await deliver(body, {}),
      await deliver(body, { "Http-X-Wh-Signature-256": `sha256=${hmac(body, "wrong-secret")}` }),
      await deliver(body, { "Http-X-Wh-Signature-256": `sha256=${hmac(body + " ")}` }),
      await deliver(body, { "Http-X-Wh-Signature-256": "sha256=abc" }),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(await statusOf(ticketId)).toMatchObject({ status: "PENDING" });
  });

  it.each([
    ["Http-X-Wh-Signature-256", "sha256="],
    ["X-Wh-Signature-256", "sha256="],
    ["Http-X-Wh-Signature-256", ""],
    ["X-Wh-Signature-256", ""],
  ])(
    "when signed in header %s with prefix '%s', then the event is applied",
    async (header, prefix) => {
      const ticketId = await pendingTicket();
      const body = event(ticketId, "CREATED");
      expect((await deliver(body, { [header]: `${prefix}${hmac(body)}` })).status).toBe(200);
      expect(await statusOf(ticketId)).toEqual({ ticketId, status: "CREATED", issueKey: "SUP-77" });
    },
  );

  it("when the same event is replayed, or an older FAILED comes after CREATED, then nothing changes", async () => {
    const ticketId = await pendingTicket();
    const created = event(ticketId, "CREATED");
    const failed = event(ticketId, "FAILED");
    const sign = (body: string) => ({ "Http-X-Wh-Signature-256": `sha256=${hmac(body)}` });
    expect((await deliver(created, sign(created))).body).toMatchObject({ ok: true, changed: true });
    expect((await deliver(created, sign(created))).body).toMatchObject({
      ok: true,
      changed: false,
    });
    expect((await deliver(failed, sign(failed))).body).toMatchObject({ ok: true, changed: false });
    expect(await statusOf(ticketId)).toEqual({ ticketId, status: "CREATED", issueKey: "SUP-77" });
  });

  it("when a signed body is not a valid event, then 400; for an unknown ticket, 202 ignored", async () => {
    const garbage = "{not json";
    expect((await deliver(garbage, { "X-Wh-Signature-256": hmac(garbage) })).status).toBe(400);
    const unknown = event("not-ours", "CREATED");
    const answer = await deliver(unknown, { "X-Wh-Signature-256": hmac(unknown) });
    expect(answer).toMatchObject({ status: 202, body: { ok: true, ignored: true } });
  });

  it.each([
    ["eventType CREATED with status FAILED", { status: "FAILED", issueKey: null }, {}],
    ["eventType CREATED with status PENDING", { status: "PENDING", issueKey: null }, {}],
    ["eventType FAILED with status CREATED", {}, { eventType: "SUPPORT_TICKET.FAILED" }],
    [
      "a 100 KB HTML issueKey",
      { issueKey: `<img src=x onerror=alert(1)>${"x".repeat(100_000)}` },
      {},
    ],
    ["markup in the issueKey", { issueKey: "<b>SUP-1</b>" }, {}],
    ["a 65-character issueKey", { issueKey: `SUP-${"1".repeat(61)}` }, {}],
    ["an issueDatetime of 1999", {}, { issueDatetime: "1999-01-01T00:00:00.000Z" }],
    [
      "an issueDatetime 10 minutes ahead",
      {},
      { issueDatetime: new Date(Date.now() + 600_000).toISOString() },
    ],
    ["no issueDatetime", {}, { issueDatetime: undefined }],
    ["an issueDatetime that is no date", {}, { issueDatetime: "yesterday" }],
  ])(
    "when a signed event has %s, then 400 and the ticket is unchanged",
    async (_what, ticketChange, envelopeChange) => {
      const ticketId = await pendingTicket();
      const envelope = JSON.parse(event(ticketId, "CREATED")) as Record<string, unknown>;
      const body = JSON.stringify({
        ...envelope,
        ...envelopeChange,
        supportTicket: {
          ...(envelope.supportTicket as Record<string, unknown>),
          ...ticketChange,
        },
      });
      const answer = await deliver(body, { "Http-X-Wh-Signature-256": `sha256=${hmac(body)}` });
      expect(answer).toMatchObject({ status: 400, body: { ok: false } });
      expect(await statusOf(ticketId)).toEqual({ ticketId, status: "PENDING", issueKey: null });
      // The same ticket still takes a sane event afterwards.
      const valid = event(ticketId, "CREATED", "SUP-1234");
      expect((await deliver(valid, { "X-Wh-Signature-256": hmac(valid) })).status).toBe(200);
      expect(await statusOf(ticketId)).toEqual({
        ticketId,
        status: "CREATED",
        issueKey: "SUP-1234",
      });
    },
  );

  it("when an event's time is near the edge of the ±5 min replay window, then the injected clock decides", () => {
    const now = Date.parse("2026-06-26T14:30:00.000Z");
    const at = (offsetMs: number) => ({
      eventType: "SUPPORT_TICKET.FAILED",
      issueDatetime: new Date(now + offsetMs).toISOString(),
      supportTicket: { status: "FAILED" as const, issueKey: null },
    });
    expect(webhookEventProblem(at(-299_000), now)).toBeNull();
    expect(webhookEventProblem(at(299_000), now)).toBeNull();
    expect(webhookEventProblem(at(-301_000), now)).toMatch(/replay window/);
    expect(webhookEventProblem(at(301_000), now)).toMatch(/replay window/);
    expect(webhookEventProblem(at(-301_000), now, 600_000)).toBeNull();
  });

  it("when Ripio's own webhook arrives (sandbox completes the ticket), then a waiting long poll answers at once", async () => {
    const ticketId = await pendingTicket();
    const poll = getTicket(server.url, alice, ticketId, 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.sandbox.control.completeTicket(ticketId, "CREATED");
    expect((await poll).body).toMatchObject({ ticketId, status: "CREATED" });
  });
});
