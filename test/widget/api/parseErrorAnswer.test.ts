import { describe, expect, it } from "vitest";
import { isTransientCode } from "../../../widget/api/ApiClientError.ts";
import { parseErrorAnswer } from "../../../widget/api/parseErrorAnswer.ts";

const body = (code: string, field?: string) =>
  JSON.stringify({ error: { code, message: "m", ...(field ? { field } : {}) } });

describe("parseErrorAnswer", () => {
  it("when the proxy answers its own defect, then the code is INTERNAL_ERROR and Retry makes sense", () => {
    const error = parseErrorAnswer(500, body("INTERNAL_ERROR"), null);
    expect(error.code).toBe("INTERNAL_ERROR");
    expect(isTransientCode(error.code)).toBe(true);
  });

  it("when something in between answers without our body, then the status alone decides", () => {
    expect(parseErrorAnswer(500, "<html>oops</html>", null).code).toBe("INTERNAL_ERROR");
    expect(parseErrorAnswer(504, "", null).code).toBe("UPSTREAM_UNAVAILABLE");
    expect(parseErrorAnswer(429, "", "7")).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 7,
    });
    expect(parseErrorAnswer(418, "", null).code).toBe("UPSTREAM_ERROR");
  });

  it("when an answer names a field, then only the contract's fields are kept", () => {
    expect(parseErrorAnswer(400, body("SUMMARY_TOO_LONG", "summary"), null).field).toBe("summary");
    expect(parseErrorAnswer(400, body("MALFORMED_REQUEST", "customerId"), null).field).toBe(
      undefined,
    );
  });

  it("when an answer names one file, then its position and name are kept; a malformed one is dropped", () => {
    const answer = (file: unknown) =>
      JSON.stringify({
        error: { code: "FILE_TOO_LARGE", message: "m", field: "attachments", file },
      });
    expect(parseErrorAnswer(413, answer({ index: 1, name: "data.png" }), null).file).toEqual({
      index: 1,
      name: "data.png",
    });
    expect(parseErrorAnswer(413, answer({ index: -1, name: "x.png" }), null).file).toBeUndefined();
    expect(parseErrorAnswer(413, answer("data.png"), null).file).toBeUndefined();
  });

  it("when a refusal is about a rule or identity, then it is not transient", () => {
    for (const code of ["SUMMARY_TOO_LONG", "IDENTITY_EXPIRED", "TICKET_NOT_FOUND"] as const) {
      expect(isTransientCode(code)).toBe(false);
    }
  });
});
