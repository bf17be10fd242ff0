import { describe, expect, it } from "vitest";
import { FILE_REJECTION_CODES } from "../../../contract/index.ts";
import { ruleError, type RuleCode } from "../../../server/upload/ruleError.ts";

describe("the proxy's file refusals", () => {
  // Compiles only while every code a file is refused with is one the proxy can answer.
  const codes: readonly RuleCode[] = FILE_REJECTION_CODES;

  it.each(codes)(
    "when a file is refused with %s, then the answer's field is attachments",
    (code) => {
      const error = ruleError(code, "statement.pdf");
      expect(error.code).toBe(code);
      expect(error.field).toBe("attachments");
    },
  );
});
