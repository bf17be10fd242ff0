import { describe, expect, it } from "vitest";
import { API, TICKET_LIMITS, countChars } from "../../../contract/index.ts";
import { pngBytes } from "../../support/files.ts";
import { postTicket, ticketParts, type Part } from "../../support/proxyHttp.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { testServerPerFile } from "../support/testServerPerFile.ts";
import { GATHERED_CONTEXT } from "../../support/gatheredContext.ts";

const server = testServerPerFile();

const tickets = () => server.sandbox.control.snapshot().tickets;
const contextPart = (value: unknown): Part => ({
  name: API.fields.context,
  value: typeof value === "string" ? value : JSON.stringify(value),
});

const gathered = GATHERED_CONTEXT;

describe("POST /api/tickets with technical details (context)", () => {
  it("when a valid context is sent, then Ripio receives the description with the block after it", async () => {
    const context = { ...gathered, host: { plan: "pro", html: "<b>bold</b>\u0000" } };
    const sent = await postTicket(
      server.url,
      server.alice,
      ticketParts({ description: "  Export fails.  ", extra: [contextPart(context)] }),
    );
    expect(sent.status).toBe(202);
    expect(tickets()[0]?.description).toBe(
      [
        "Export fails.",
        "",
        "—",
        "Technical details",
        "Page: https://shop.example.com/checkout",
        "Browser: Chrome 131 on Windows · 1920×1080 · es-AR · America/Argentina/Buenos_Aires",
        "Widget: 0.2.0",
        "plan: pro",
        "html: <b>bold</b>",
      ].join("\n"),
    );
  });

  it("when the description has exactly 5000 code points, then it is forwarded whole, without the block", async () => {
    const description = "😀".repeat(TICKET_LIMITS.descriptionMaxChars);
    const sent = await postTicket(
      server.url,
      server.alice,
      ticketParts({ description, extra: [contextPart(gathered)] }),
    );
    expect(sent.status).toBe(202);
    expect(tickets()[0]?.description).toBe(description);
  });

  it("when the description nearly fills the limit, then the sandbox accepts a squeezed block of exactly 5000", async () => {
    const context = { page: gathered.page, host: { plan: "pro", seats: 12, beta: true } };
    const fits =
      "\n\n—\nTechnical details\nPage: https://shop.example.com/checkout\nplan: pro\nseats: 12";
    // Room for all but the last entry ("\nbeta: true"): it goes, the text stays whole.
    const description = "a".repeat(TICKET_LIMITS.descriptionMaxChars - fits.length);
    const sent = await postTicket(
      server.url,
      server.alice,
      ticketParts({ description, extra: [contextPart(context)] }),
    );
    expect(sent.status).toBe(202);
    const received = tickets()[0]?.description ?? "";
    expect(countChars(received)).toBe(TICKET_LIMITS.descriptionMaxChars);
    expect(received).toBe(description + fits);
  });

  it.each([
    ["not JSON", "{plan: pro}"],
    [
      "11 host entries",
      { host: Object.fromEntries([...Array(11).keys()].map((i) => [`k${i}`, i])) },
    ],
    ["a nested value", { host: { plan: { name: "pro" } } }],
    ["a very long value", { host: { plan: "x".repeat(5000) } }],
    ["a page with its query string", { page: "https://shop.example.com/p?token=abc" }],
    ["an unknown item", { cookies: "session=1" }],
  ])(
    "when the context is %s, then 400 MALFORMED_REQUEST names context and nothing reaches Ripio",
    async (_, value) => {
      const sent = await postTicket(
        server.url,
        server.alice,
        ticketParts({ extra: [contextPart(value)] }),
      );
      expectApiError(sent, "MALFORMED_REQUEST", "context");
      expect(tickets()).toEqual([]);
    },
  );

  it("when context is sent twice, or as a file, then MALFORMED_REQUEST names context", async () => {
    const twice = await postTicket(
      server.url,
      server.alice,
      ticketParts({ extra: [contextPart(gathered), contextPart(gathered)] }),
    );
    expectApiError(twice, "MALFORMED_REQUEST", "context");
    const asFile = await postTicket(
      server.url,
      server.alice,
      ticketParts({ extra: [{ name: "context", fileName: "context.png", bytes: pngBytes(64) }] }),
    );
    expectApiError(asFile, "MALFORMED_REQUEST", "context");
    expect(tickets()).toEqual([]);
  });

  it("when no context is sent, then the description is forwarded as typed", async () => {
    expect(
      (await postTicket(server.url, server.alice, ticketParts({ description: "Only text" })))
        .status,
    ).toBe(202);
    expect(tickets()[0]?.description).toBe("Only text");
  });
});
