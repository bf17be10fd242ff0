import { describe, expect, it } from "vitest";
import {
  API,
  ERROR_CODES,
  ERROR_HTTP_STATUS,
  isErrorCode,
  isTerminal,
  isTicketField,
  ticketPath,
} from "../../contract/index.ts";

describe("ticket statuses", () => {
  it("when a status is checked, then only CREATED and FAILED are terminal", () => {
    expect(isTerminal("PENDING")).toBe(false);
    expect(isTerminal("CREATED")).toBe(true);
    expect(isTerminal("FAILED")).toBe(true);
  });
});

describe("ticketPath", () => {
  it("when the id has reserved characters, then they are escaped", () => {
    expect(ticketPath("abc")).toBe(`${API.tickets}/abc`);
    expect(ticketPath("a/b?c")).toBe("/api/tickets/a%2Fb%3Fc");
  });
});

describe("error codes", () => {
  it("when listed, then they are the documented table with its HTTP statuses", () => {
    expect(ERROR_CODES).toHaveLength(24);
    expect(ERROR_HTTP_STATUS).toMatchObject({
      FILE_TYPE_NOT_ALLOWED: 415,
      FILE_CONTENT_MISMATCH: 415,
      FILE_TOO_LARGE: 413,
      ATTACHMENTS_TOO_LARGE: 413,
      TICKETS_DISABLED: 403,
      RATE_LIMITED: 429,
      REQUEST_TIMEOUT: 408,
      UPSTREAM_UNAVAILABLE: 503,
      UPSTREAM_ERROR: 502,
      INTERNAL_ERROR: 500,
      STORE_UNAVAILABLE: 503,
    });
  });

  it("when a value comes from the network, then isErrorCode accepts only our codes", () => {
    expect(isErrorCode("TICKET_NOT_FOUND")).toBe(true);
    for (const value of ["ticket_not_found", "toString", "", 404, null, undefined]) {
      expect(isErrorCode(value)).toBe(false);
    }
  });
});

describe("isTicketField", () => {
  it("when a value comes from the network, then only the ticket's field names pass", () => {
    for (const field of ["summary", "description", "attachments"]) {
      expect(isTicketField(field)).toBe(true);
    }
    for (const value of ["Summary", "customerId", "", null, 1]) {
      expect(isTicketField(value)).toBe(false);
    }
  });
});
