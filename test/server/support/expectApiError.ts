import { expect } from "vitest";
import { ERROR_HTTP_STATUS, type ErrorCode, type TicketField } from "../../../contract/index.ts";
import type { ProxyAnswer } from "../../support/proxyHttp.ts";

/** Asserts the answer is the proxy's error shape: the code's HTTP status and `{"error": {code, message, field?}}`. */
export function expectApiError(answer: ProxyAnswer, code: ErrorCode, field?: TicketField): void {
  expect({
    status: answer.status,
    code: (answer.body.error as { code?: string } | undefined)?.code,
  }).toEqual({
    status: ERROR_HTTP_STATUS[code],
    code,
  });
  const error = answer.body.error as { message?: unknown; field?: unknown };
  expect(typeof error.message).toBe("string");
  if (field !== undefined) expect(error.field).toBe(field);
}
