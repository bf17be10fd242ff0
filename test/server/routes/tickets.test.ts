import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TICKET_LIMITS } from "../../../contract/index.ts";
import { jpegBytes, mp4Bytes, pdfBytes, pngBytes, webmBytes } from "../../support/files.ts";
import { getTicket, postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { sha256 } from "../../support/sandboxFiles.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";

let server: TestServer;
let alice: string;
beforeAll(async () => {
  server = await startTestServer({ sandbox: { processingDelayMs: 100 } });
});
afterAll(() => server.close());
beforeEach(async () => {
  server.sandbox.control.reset();
  alice = await server.tokenFor("cus_demo_alice");
});

const tickets = () => server.sandbox.control.snapshot().tickets;

describe("POST /api/tickets", () => {
  it("when a valid ticket is sent, then it answers 202 PENDING and a poll later shows CREATED with its issueKey", async () => {
    const sent = await postTicket(server.url, alice, ticketParts({ summary: "  Export fails  " }));
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ ticketId: expect.any(String), status: "PENDING", issueKey: null });
    const ticketId = String(sent.body.ticketId);
    const [received] = tickets();
    expect(received).toMatchObject({
      ticketId,
      customerId: "cus_demo_alice",
      summary: "Export fails",
    });

    const polled = await getTicket(server.url, alice, ticketId, 10);
    expect(polled.body).toEqual({
      ticketId,
      status: "CREATED",
      issueKey: expect.stringMatching(/^SUP-\d+$/),
    });
  });

  it("when five files of mixed types are sent, then the sandbox receives each byte for byte with its name and type", async () => {
    const files = [
      { name: "screen.png", bytes: pngBytes(300_000), type: "image/png" },
      { name: "photo.jpg", bytes: jpegBytes(120_000), type: "image/jpeg" },
      { name: "invoice.pdf", bytes: pdfBytes(2_000_000), type: "application/pdf" },
      { name: "clip.mp4", bytes: mp4Bytes(3_000_000), type: "video/mp4" },
      { name: "rec.webm", bytes: webmBytes(500_000) },
    ];
    const sent = await postTicket(server.url, alice, ticketParts({ files }));
    expect(sent.status).toBe(202);
    // The last had no type (a browser's "application/octet-stream"): its extension's is sent on.
    const sentTypes = ["image/png", "image/jpeg", "application/pdf", "video/mp4", "video/webm"];
    expect(tickets()[0]?.files).toEqual(
      files.map((file, i) => ({
        name: file.name,
        size: file.bytes.length,
        sha256: sha256(file.bytes),
        contentType: sentTypes[i],
      })),
    );
  });

  it("when file names carry paths and control characters, then they arrive cleaned with their extension", async () => {
    const files = [
      { name: "../../etc/passwd.png", bytes: pngBytes(64) },
      // A raw control byte would make the part header malformed; a tab is legal there.
      { name: "C:\\Users\\me\\shot\t.png", bytes: pngBytes(64) },
      { name: "report\u202Efdp.pdf", bytes: pdfBytes(64) },
    ];
    expect((await postTicket(server.url, alice, ticketParts({ files }))).status).toBe(202);
    expect(tickets()[0]?.files.map((f) => f.name)).toEqual([
      "passwd.png",
      "shot.png",
      "reportfdp.pdf",
    ]);
  });

  it("when a customerId field is sent, then it is ignored and the ticket belongs to the token's customer", async () => {
    const extra = [{ name: "customerId", value: "cus_demo_bob" }];
    expect((await postTicket(server.url, alice, ticketParts({ extra }))).status).toBe(202);
    expect(tickets().map((t) => t.customerId)).toEqual(["cus_demo_alice"]);
  });

  it("when the texts are at their limits in code points (240 emoji), then the ticket is accepted", async () => {
    const summary = "😀".repeat(TICKET_LIMITS.summaryMaxChars);
    const description = "é".repeat(TICKET_LIMITS.descriptionMaxChars);
    expect(
      (await postTicket(server.url, alice, ticketParts({ summary, description }))).status,
    ).toBe(202);
    expect(tickets()[0]).toMatchObject({ summary, description });
  });

  it("when an empty file input comes along (nameless, empty part), then it is skipped", async () => {
    const extra = [{ name: "attachments", fileName: "", bytes: new Uint8Array(0) }];
    expect((await postTicket(server.url, alice, ticketParts({ extra }))).status).toBe(202);
    expect(tickets()[0]?.files).toEqual([]);
  });

  it("when text is sent where a file belongs, or a file where text belongs, then MALFORMED_REQUEST names the field", async () => {
    const textAttachment = await postTicket(
      server.url,
      alice,
      ticketParts({ extra: [{ name: "attachments", value: "x" }] }),
    );
    expectApiError(textAttachment, "MALFORMED_REQUEST", "attachments");
    const fileSummary = await postTicket(server.url, alice, [
      { name: "summary", fileName: "s.png", bytes: pngBytes(64) },
      { name: "description", value: "d" },
    ]);
    expectApiError(fileSummary, "MALFORMED_REQUEST", "summary");
    expect(tickets()).toEqual([]);
  });

  it("when a rule is broken, then the error names the field and, for a file, the file", async () => {
    const renamed = await postTicket(
      server.url,
      alice,
      ticketParts({
        files: [
          { name: "ok.png", bytes: pngBytes(64) },
          { name: "virus.pdf", bytes: pngBytes(64) },
        ],
      }),
    );
    expectApiError(renamed, "FILE_CONTENT_MISMATCH", "attachments");
    expect(String((renamed.body.error as { message: string }).message)).toContain("virus.pdf");
    // By data too: its position among the attachments, so a client never matches text.
    expect(renamed.body.error).toMatchObject({ file: { index: 1, name: "virus.pdf" } });
    expectApiError(
      await postTicket(server.url, alice, ticketParts({ summary: "" })),
      "SUMMARY_REQUIRED",
      "summary",
    );
    expect(tickets()).toEqual([]);
  });

  it("when the summary or description is only invisible format characters, then it is required and nothing is sent", async () => {
    expectApiError(
      await postTicket(server.url, alice, ticketParts({ summary: "\u200B" })),
      "SUMMARY_REQUIRED",
      "summary",
    );
    expectApiError(
      await postTicket(server.url, alice, ticketParts({ description: " \u200D\u2060\uFEFF " })),
      "DESCRIPTION_REQUIRED",
      "description",
    );
    expect(tickets()).toEqual([]);
  });

  it("when the type a browser declares does not fit the extension, then FILE_TYPE_NOT_ALLOWED", async () => {
    const files = [{ name: "shot.png", bytes: pngBytes(64), type: "application/x-msdownload" }];
    expectApiError(
      await postTicket(server.url, alice, ticketParts({ files })),
      "FILE_TYPE_NOT_ALLOWED",
      "attachments",
    );
  });

  it("when the second of two files is refused, then the body carries file with its index and name", async () => {
    const files = [
      { name: "a.png", bytes: pngBytes(64) },
      { name: "data.png", bytes: pngBytes(64), type: "application/x-msdownload" },
    ];
    const answer = await postTicket(server.url, alice, ticketParts({ files }));
    expectApiError(answer, "FILE_TYPE_NOT_ALLOWED", "attachments");
    expect(answer.body.error).toMatchObject({ file: { index: 1, name: "data.png" } });
  });
});
