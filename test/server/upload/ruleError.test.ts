import { describe, expect, it } from "vitest";
import { FILE_REJECTION_CODES } from "../../../contract/index.ts";
import { ruleError, type RuleCode } from "../../../server/upload/ruleError.ts";

describe("the proxy's file refusals", () => {
  // Compiles only while every code a file is refused with is one the proxy can answer.
  const codes: readonly RuleCode[] = FILE_REJECTION_CODES;

  it.each(codes)(
    "when a file is refused with %s, then the answer's field is attachments",
    (code) => {
      const error = ruleError(code, { index: 1, name: "statement.pdf" });
      expect(error.code).toBe(code);
      expect(error.field).toBe("attachments");
    },
  );

  it("when one file is at fault, then the body names it by position and name", () => {
    const body = ruleError("FILE_TOO_LARGE", { index: 2, name: "data.png" }).toBody();
    expect(body.error).toMatchObject({
      code: "FILE_TOO_LARGE",
      field: "attachments",
      file: { index: 2, name: "data.png" },
    });
  });

  it("when no one file is at fault, then the body names none", () => {
    expect(ruleError("ATTACHMENTS_TOO_LARGE").toBody().error).not.toHaveProperty("file");
  });
});
