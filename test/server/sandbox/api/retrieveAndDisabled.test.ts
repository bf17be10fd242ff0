import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../../../server/sandbox/createSandbox.ts";
import { fileBytes } from "../../../support/sandboxFiles.ts";
import {
  createTicket,
  getToken,
  retrieveTicket,
  ticketForm,
} from "../../../support/sandboxHttp.ts";

let sandbox: Sandbox;
let url: string;
let token: string;

beforeEach(async () => {
  // Long enough that nothing finishes on its own during a test.
  sandbox = createSandbox({ processingDelayMs: 60_000 });
  url = await sandbox.listen();
  token = await getToken(url);
});
afterEach(() => sandbox.close());

describe("sandbox tickets disabled", () => {
  it("when tickets are off, then Create and Retrieve both answer 403 20061, and on again they work", async () => {
    const { body: created } = await createTicket(url, token);
    sandbox.control.setScenario({ ticketsEnabled: false });

    const refused = await createTicket(url, token);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      code: 20061,
      type: "SupportTicketsNotEnabledException",
      detail: { message: expect.any(String) },
      status: 403,
    });
    const retrieved = await retrieveTicket(url, token, String(created.ticketId));
    expect(retrieved.status).toBe(403);
    expect(retrieved.body).toMatchObject({ code: 20061 });
    expect(sandbox.control.snapshot().tickets).toHaveLength(1);

    sandbox.control.setScenario({ ticketsEnabled: true });
    expect((await createTicket(url, token)).status).toBe(202);
  });

  it("when tickets are off and the token is bad, then authentication is checked first (401)", async () => {
    sandbox.control.setScenario({ ticketsEnabled: false });
    expect((await createTicket(url, "bad")).status).toBe(401);
    expect((await retrieveTicket(url, "bad", "x")).status).toBe(401);
  });

  it("when tickets are off and a big upload arrives, then the 403 is still readable", async () => {
    sandbox.control.setScenario({ ticketsEnabled: false });
    const files = [{ name: "big.mp4", bytes: fileBytes("mp4", 8 * 1024 * 1024) }];
    const { status, body } = await createTicket(url, token, ticketForm({ files }));
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 20061 });
  });
});

describe("sandbox Retrieve Support Ticket", () => {
  it("when the id is unknown, then it answers 404 20064", async () => {
    const { status, body } = await retrieveTicket(
      url,
      token,
      "8d5b7c36-1c4e-4f7e-9d59-4f6a1c3f0000",
    );
    expect(status).toBe(404);
    expect(body).toEqual({
      code: 20064,
      type: "SupportTicketNotFoundException",
      detail: { message: expect.stringContaining("8d5b7c36") },
      status: 404,
    });
  });

  it("when the ticket path is called with POST, then it answers 405", async () => {
    const res = await fetch(`${url}/api/v1/supportTickets/abc/`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });
});
