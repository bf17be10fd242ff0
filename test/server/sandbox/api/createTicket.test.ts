import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALLOWED_EXTENSIONS } from "../../../../contract/index.ts";
import { createSandbox, type Sandbox } from "../../../../server/sandbox/createSandbox.ts";
import { fileBytes, sha256 } from "../../../support/sandboxFiles.ts";
import {
  createTicket,
  getToken,
  retrieveTicket,
  ticketForm,
} from "../../../support/sandboxHttp.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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

describe("sandbox Create Support Ticket", () => {
  it("when a valid ticket without files arrives, then it answers 202 PENDING with a UUID and keeps the fields", async () => {
    const { status, body } = await createTicket(url, token);
    expect(status).toBe(202);
    expect(body).toEqual({
      ticketId: expect.stringMatching(UUID),
      status: "PENDING",
      issueKey: null,
    });
    expect(sandbox.control.snapshot().tickets).toEqual([
      {
        ticketId: body.ticketId,
        customerId: "cus_demo_alice",
        summary: "Cannot withdraw to my bank account",
        description: "The withdrawal stays in 'processing' since yesterday.",
        status: "PENDING",
        issueKey: null,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        files: [],
      },
    ]);
  });

  it("when files of every allowed type arrive, then each one's name, size, type and SHA-256 are kept", async () => {
    const files = ALLOWED_EXTENSIONS.slice(0, 5).map((ext, i) => ({
      name: `evidence-${i}.${ext}`,
      bytes: fileBytes(ext, 1000 + i * 777),
      type: `test/${ext}`,
    }));
    const { status } = await createTicket(url, token, ticketForm({ files }));
    expect(status).toBe(202);
    const [ticket] = sandbox.control.snapshot().tickets;
    expect(ticket?.files).toEqual(
      files.map((f) => ({
        name: f.name,
        size: f.bytes.length,
        sha256: sha256(f.bytes),
        contentType: f.type,
      })),
    );
  });

  it("when the other allowed types and upper-case extensions arrive, then they are accepted", async () => {
    const files = [
      ...ALLOWED_EXTENSIONS.slice(5).map((ext) => ({ name: `clip.${ext}`, bytes: fileBytes(ext) })),
      { name: "SHOT.PNG", bytes: fileBytes("png") },
    ];
    const { status } = await createTicket(url, token, ticketForm({ files }));
    expect(status).toBe(202);
    expect(sandbox.control.snapshot().tickets[0]?.files.map((f) => f.name)).toEqual(
      files.map((f) => f.name),
    );
  });

  it("when a file of exactly 25 MiB arrives, then it is accepted and its digest matches", async () => {
    const big = fileBytes("mp4", 26_214_400);
    const { status } = await createTicket(
      url,
      token,
      ticketForm({ files: [{ name: "screen.mp4", bytes: big, type: "video/mp4" }] }),
    );
    expect(status).toBe(202);
    const file = sandbox.control.snapshot().tickets[0]?.files[0];
    expect(file).toMatchObject({ size: 26_214_400, sha256: sha256(big) });
  });

  it("when file names carry a path, unicode or control characters, then they are kept exactly as sent", async () => {
    const names = ["../../etc/passwd.png", "captura de pantalla ñ 📷.png"];
    const files = names.map((name) => ({ name, bytes: fileBytes("png") }));
    expect((await createTicket(url, token, ticketForm({ files }))).status).toBe(202);
    expect(sandbox.control.snapshot().tickets[0]?.files.map((f) => f.name)).toEqual(names);
  });

  it("when a file comes without a Content-Type, then it is kept as application/octet-stream", async () => {
    const form = ticketForm({ files: [{ name: "clip.mov", bytes: fileBytes("mov") }] });
    expect((await createTicket(url, token, form)).status).toBe(202);
    expect(sandbox.control.snapshot().tickets[0]?.files[0]?.contentType).toBe(
      "application/octet-stream",
    );
  });

  it("when unknown fields arrive, then they are ignored", async () => {
    const form = ticketForm();
    form.append("priority", "high");
    expect((await createTicket(url, token, form)).status).toBe(202);
  });

  it("when a customer id is any opaque string, then it is accepted if the customer exists", async () => {
    sandbox.control.upsertCustomer({ customerId: "7c0e…/weird id", email: "w@example.com" });
    const { status } = await createTicket(url, token, ticketForm({ customerId: "7c0e…/weird id" }));
    expect(status).toBe(202);
    expect(sandbox.control.snapshot().tickets[0]?.customerId).toBe("7c0e…/weird id");
  });

  it("when two tickets arrive, then each gets its own id and both are retrievable as PENDING", async () => {
    const first = await createTicket(url, token);
    const second = await createTicket(url, token);
    expect(first.body.ticketId).not.toBe(second.body.ticketId);
    for (const { body } of [first, second]) {
      const retrieved = await retrieveTicket(url, token, String(body.ticketId));
      expect(retrieved).toMatchObject({
        status: 200,
        body: { ticketId: body.ticketId, status: "PENDING", issueKey: null },
      });
    }
  });
});

describe("sandbox customer checks", () => {
  it("when the customer is unknown, then it answers 400 20062 and stores nothing", async () => {
    const { status, body } = await createTicket(
      url,
      token,
      ticketForm({ customerId: "cus_nobody" }),
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      code: 20062,
      type: "CustomerNotFoundException",
      detail: { message: expect.stringContaining("cus_nobody") },
      status: 400,
    });
    expect(sandbox.control.snapshot().tickets).toEqual([]);
  });

  it("when the customer has no email, then it answers 400 20063 and stores nothing", async () => {
    const { status, body } = await createTicket(
      url,
      token,
      ticketForm({ customerId: "cus_no_email" }),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 20063, type: "CustomerEmailMissingException", status: 400 });
    expect(sandbox.control.snapshot().tickets).toEqual([]);
  });

  it("when customerId is missing or blank, then it answers 400 20000 naming customerId", async () => {
    for (const customerId of [null, "   "]) {
      const { status, body } = await createTicket(url, token, ticketForm({ customerId }));
      expect(status).toBe(400);
      expect(body).toMatchObject({
        code: 20000,
        detail: { message: expect.stringMatching(/^customerId/) },
      });
    }
    expect(sandbox.control.snapshot().tickets).toEqual([]);
  });

  it("when a customer is added, changed and removed, then tickets follow its state", async () => {
    sandbox.control.upsertCustomer({ customerId: "cus_new", email: null });
    expect(
      (await createTicket(url, token, ticketForm({ customerId: "cus_new" }))).body,
    ).toMatchObject({
      code: 20063,
    });
    sandbox.control.upsertCustomer({ customerId: "cus_new", email: "new@example.com" });
    expect((await createTicket(url, token, ticketForm({ customerId: "cus_new" }))).status).toBe(
      202,
    );
    expect(sandbox.control.removeCustomer("cus_new")).toBe(true);
    expect(
      (await createTicket(url, token, ticketForm({ customerId: "cus_new" }))).body,
    ).toMatchObject({
      code: 20062,
    });
  });
});
