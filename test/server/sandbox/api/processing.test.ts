import { afterEach, describe, expect, it, vi } from "vitest";
import { createSandbox, type Sandbox } from "../../../../server/sandbox/createSandbox.ts";
import { createTicket, getToken, retrieveTicket } from "../../../support/sandboxHttp.ts";

let sandbox: Sandbox;
let url: string;
let token: string;

async function start(processingDelayMs?: number): Promise<void> {
  sandbox = createSandbox(processingDelayMs === undefined ? {} : { processingDelayMs });
  url = await sandbox.listen();
  token = await getToken(url);
}
afterEach(() => sandbox.close());

async function newTicketId(): Promise<string> {
  const { status, body } = await createTicket(url, token);
  expect(status).toBe(202);
  return String(body.ticketId);
}

async function waitForStatus(ticketId: string, status: string) {
  return vi.waitFor(
    async () => {
      const answer = await retrieveTicket(url, token, ticketId);
      expect(answer.body.status).toBe(status);
      return answer;
    },
    { timeout: 5_000, interval: 10 },
  );
}

describe("sandbox asynchronous processing", () => {
  it("when no delay is given, then the scenario's processing delay is 1.5 s and a new ticket stays PENDING", async () => {
    await start();
    expect(sandbox.control.snapshot().scenario.processingDelayMs).toBe(1500);
    const ticketId = await newTicketId();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await retrieveTicket(url, token, ticketId)).body.status).toBe("PENDING");
  });

  it("when the delay passes, then tickets become CREATED with SUP-1001, SUP-1002 in order", async () => {
    await start(30);
    const first = await newTicketId();
    const created = await waitForStatus(first, "CREATED");
    expect(created).toMatchObject({
      status: 200,
      body: { ticketId: first, status: "CREATED", issueKey: "SUP-1001" },
    });
    const second = await newTicketId();
    expect((await waitForStatus(second, "CREATED")).body.issueKey).toBe("SUP-1002");
    expect(sandbox.control.snapshot().tickets.map((t) => t.issueKey)).toEqual([
      "SUP-1001",
      "SUP-1002",
    ]);
  });

  it("when nextOutcome is FAILED, then only the next ticket FAILS (no issueKey) and numbering is not used up", async () => {
    await start(20);
    sandbox.control.setScenario({ nextOutcome: "FAILED" });
    const failed = await newTicketId();
    expect(sandbox.control.snapshot().scenario.nextOutcome).toBe("CREATED");
    const ok = await newTicketId();
    expect((await waitForStatus(failed, "FAILED")).body).toEqual({
      ticketId: failed,
      status: "FAILED",
      issueKey: null,
    });
    expect((await waitForStatus(ok, "CREATED")).body.issueKey).toBe("SUP-1001");
  });

  it("when the processing delay is changed, then later tickets use the new delay", async () => {
    await start(60_000);
    sandbox.control.setScenario({ processingDelayMs: 0 });
    const ticketId = await newTicketId();
    await waitForStatus(ticketId, "CREATED");
  });

  it("when completeTicket is called, then a PENDING ticket ends now and a terminal one stays as it is", async () => {
    await start(60_000);
    const ticketId = await newTicketId();
    expect(sandbox.control.completeTicket(ticketId, "FAILED")).toEqual({
      ticketId,
      status: "FAILED",
      issueKey: null,
    });
    expect(sandbox.control.completeTicket(ticketId, "CREATED")).toEqual({
      ticketId,
      status: "FAILED",
      issueKey: null,
    });
    expect((await retrieveTicket(url, token, ticketId)).body.status).toBe("FAILED");
    expect(sandbox.control.completeTicket("unknown", "CREATED")).toBeNull();
  });

  it("when the sandbox is reset, then pending tickets are forgotten and numbering starts again at SUP-1001", async () => {
    await start(50);
    const before = await newTicketId();
    await waitForStatus(before, "CREATED");
    sandbox.control.reset();
    token = await getToken(url);
    expect((await retrieveTicket(url, token, before)).status).toBe(404);
    sandbox.control.setScenario({ processingDelayMs: 10 });
    const after = await newTicketId();
    expect((await waitForStatus(after, "CREATED")).body.issueKey).toBe("SUP-1001");
  });
});
