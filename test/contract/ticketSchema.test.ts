import { describe, expect, it } from "vitest";
import {
  LOCALES,
  TICKET_LIMITS,
  TICKET_STATUSES,
  ALLOWED_EXTENSIONS,
  isPublicConfig,
  isTicket,
  isTicketStatus,
  ticketOf,
} from "../../contract/index.ts";

const ticket = { ticketId: "t_1", status: "PENDING", issueKey: null };

describe("isTicket", () => {
  it("when every status is checked, then the three are known and nothing else is", () => {
    expect(TICKET_STATUSES).toEqual(["PENDING", "CREATED", "FAILED"]);
    for (const status of TICKET_STATUSES) expect(isTicketStatus(status)).toBe(true);
    for (const other of ["pending", "DONE", "", null, 1]) expect(isTicketStatus(other)).toBe(false);
  });

  it.each([
    ["a PENDING ticket", ticket],
    ["a CREATED ticket with its key", { ticketId: "t", status: "CREATED", issueKey: "SUP-1" }],
    ["a ticket with more properties", { ...ticket, summary: "extra", createdAt: 1 }],
  ])("when %s is checked, then it is a ticket", (_, value) => {
    expect(isTicket(value)).toBe(true);
  });

  it.each([
    ["null", null],
    ["a string", "t_1"],
    ["an empty id", { ...ticket, ticketId: "" }],
    ["a numeric id", { ...ticket, ticketId: 1 }],
    ["an unknown status", { ...ticket, status: "DONE" }],
    ["a lower-case status", { ...ticket, status: "pending" }],
    ["no issueKey", { ticketId: "t", status: "PENDING" }],
    ["a numeric issueKey", { ...ticket, issueKey: 1234 }],
  ])("when %s is checked, then it is not a ticket", (_, value) => {
    expect(isTicket(value)).toBe(false);
  });

  it("when a ticket with more properties is copied, then only its three fields remain", () => {
    expect(ticketOf({ ...ticket, secret: "x" } as typeof ticket & { status: "PENDING" })).toEqual(
      ticket,
    );
  });
});

describe("isPublicConfig", () => {
  const config = {
    ticketsEnabled: true,
    locales: [...LOCALES],
    limits: { ...TICKET_LIMITS },
    allowedExtensions: [...ALLOWED_EXTENSIONS],
  };

  it("when the proxy's answer is checked, with or without properties added later, then it is a config", () => {
    expect(isPublicConfig(config)).toBe(true);
    expect(isPublicConfig({ ...config, historyDays: 90 })).toBe(true);
  });

  it.each([
    ["null", null],
    ["ticketsEnabled as a string", { ...config, ticketsEnabled: "true" }],
    ["an unknown locale", { ...config, locales: ["en", "fr"] }],
    ["no limits", { ...config, limits: undefined }],
    ["a limit missing", { ...config, limits: { ...TICKET_LIMITS, maxFiles: undefined } }],
    ["a limit as text", { ...config, limits: { ...TICKET_LIMITS, maxFileBytes: "25 MB" } }],
    ["a negative limit", { ...config, limits: { ...TICKET_LIMITS, maxFiles: -1 } }],
    ["extensions not strings", { ...config, allowedExtensions: [1, 2] }],
  ])("when %s is checked, then it is not a config", (_, value) => {
    expect(isPublicConfig(value)).toBe(false);
  });
});
