import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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

  it("when Ripio's own webhook arrives (sandbox completes the ticket), then a waiting long poll answers at once", async () => {
    const ticketId = await pendingTicket();
    const poll = getTicket(server.url, alice, ticketId, 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.sandbox.control.completeTicket(ticketId, "CREATED");
    expect((await poll).body).toMatchObject({ ticketId, status: "CREATED" });
  });
});
