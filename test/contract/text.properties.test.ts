import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  TICKET_LIMITS,
  checkDescription,
  checkSummary,
  countChars,
  hasVisibleText,
} from "../../contract/index.ts";
import {
  WHITE_SPACE,
  invisibleChar,
  invisibleText,
  mixedText,
  textNearLimit,
  visibleChar,
} from "../support/textArbitraries.ts";

// fast-check picks a new seed each run and prints it, with the shrunk case, on a failure.
const RUNS = { numRuns: 400 };
const whiteSpace = fc
  .array(fc.constantFrom(...WHITE_SPACE), { maxLength: 6 })
  .map((chars) => chars.join(""));

describe("trimming", () => {
  it("when white space surrounds any text, then the count is the text's own", () => {
    fc.assert(
      fc.property(whiteSpace, mixedText(40), whiteSpace, (before, text, after) => {
        expect(countChars(`${before}${text}${after}`)).toBe(countChars(text));
      }),
      RUNS,
    );
  });

  it("when white space surrounds any text, then every verdict is the text's own", () => {
    fc.assert(
      fc.property(
        whiteSpace,
        textNearLimit(TICKET_LIMITS.summaryMaxChars),
        whiteSpace,
        (a, t, b) => {
          expect(checkSummary(`${a}${t}${b}`)).toBe(checkSummary(t));
          expect(checkDescription(`${a}${t}${b}`)).toBe(checkDescription(t));
        },
      ),
      RUNS,
    );
  });
});

describe("counting code points", () => {
  it("when text starts and ends with something visible, then every code point between counts once", () => {
    fc.assert(
      fc.property(
        visibleChar,
        fc.array(fc.oneof(visibleChar, invisibleChar), { maxLength: 60 }),
        visibleChar,
        (first, middle, last) => {
          const text = [first, ...middle, last].join("");
          expect(countChars(text)).toBe(middle.length + 2);
          expect(countChars(text)).toBeLessThanOrEqual(text.length);
        },
      ),
      RUNS,
    );
  });
});

describe("the invisible-only rule", () => {
  it("when text is only white space and format characters, then it is required, however long", () => {
    fc.assert(
      fc.property(invisibleText(TICKET_LIMITS.summaryMaxChars + 60), (text) => {
        expect(hasVisibleText(text)).toBe(false);
        expect(checkSummary(text)).toBe("SUMMARY_REQUIRED");
        expect(checkDescription(text)).toBe("DESCRIPTION_REQUIRED");
      }),
      RUNS,
    );
  });

  it("when one visible code point is put anywhere in invisible text, then it is no longer required", () => {
    fc.assert(
      fc.property(invisibleText(80), visibleChar, fc.nat(), (text, visible, at) => {
        const chars = [...text];
        chars.splice(at % (chars.length + 1), 0, visible);
        const joined = chars.join("");
        expect(hasVisibleText(joined)).toBe(true);
        expect(checkSummary(joined)).not.toBe("SUMMARY_REQUIRED");
        expect(checkDescription(joined)).not.toBe("DESCRIPTION_REQUIRED");
      }),
      RUNS,
    );
  });

  it("when any text is judged, then it is required exactly when nothing is visible, else too long exactly past the limit", () => {
    const model = (text: string, max: number, required: string, tooLong: string) =>
      !hasVisibleText(text) ? required : countChars(text) > max ? tooLong : null;
    fc.assert(
      fc.property(
        fc.oneof(mixedText(60), textNearLimit(TICKET_LIMITS.summaryMaxChars)),
        textNearLimit(TICKET_LIMITS.descriptionMaxChars),
        (summary, description) => {
          const { summaryMaxChars, descriptionMaxChars } = TICKET_LIMITS;
          expect(checkSummary(summary)).toBe(
            model(summary, summaryMaxChars, "SUMMARY_REQUIRED", "SUMMARY_TOO_LONG"),
          );
          expect(checkDescription(description)).toBe(
            model(description, descriptionMaxChars, "DESCRIPTION_REQUIRED", "DESCRIPTION_TOO_LONG"),
          );
        },
      ),
      RUNS,
    );
  });
});
