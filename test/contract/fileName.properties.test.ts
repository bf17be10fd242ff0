import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALLOWED_EXTENSIONS, fileExtension, sanitizeFileName } from "../../contract/index.ts";
import { anyCodePoint, invisibleChar, visibleChar } from "../support/textArbitraries.ts";

const RUNS = { numRuns: 500 };
const MAX_NAME_CHARS = 200;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Any name a client may send: paths, dots, controls, bidi overrides, emoji, long or short. */
const anyName = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: visibleChar },
      { weight: 1, arbitrary: invisibleChar },
      { weight: 1, arbitrary: fc.constantFrom("/", "\\", ".", "..", " ", "\u0000", "\u202e") },
      { weight: 1, arbitrary: anyCodePoint },
    ),
    { maxLength: 260 },
  )
  .map((chars) => chars.join(""));

/** A name with no separators, as a base name is. */
const baseName = anyName.map((name) => name.replace(/[/\\]/g, ""));

describe("sanitizeFileName on any name", () => {
  it("when any name is cleaned, then what is left is a safe base name of 1–200 code points", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const cleaned = sanitizeFileName(name);
        const length = [...cleaned].length;
        expect(length).toBeGreaterThan(0);
        expect(length).toBeLessThanOrEqual(MAX_NAME_CHARS);
        expect(cleaned).not.toMatch(/[/\\]/);
        expect(cleaned).not.toMatch(UNSAFE);
        expect(cleaned).not.toMatch(/^[.\s]/u);
        expect(cleaned).not.toMatch(/\s$/u);
      }),
      RUNS,
    );
  });

  it("when a cleaned name is cleaned again, then it stays the same", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const cleaned = sanitizeFileName(name);
        expect(sanitizeFileName(cleaned)).toBe(cleaned);
      }),
      RUNS,
    );
  });

  it("when a base name comes inside any path, then the path is dropped, never refused", () => {
    fc.assert(
      fc.property(
        fc.array(anyName, { maxLength: 5 }),
        fc.constantFrom("/", "\\"),
        baseName,
        (folders, separator, base) => {
          const path = [...folders, base].join(separator);
          expect(sanitizeFileName(path)).toBe(sanitizeFileName(base));
        },
      ),
      RUNS,
    );
  });

  it("when a name ends in an allowed extension, then the cleaned name keeps it, however long the stem", () => {
    fc.assert(
      fc.property(
        // A stem that starts with a letter: ".png" alone is a hidden file with no extension.
        fc.array(visibleChar, { maxLength: 400 }).map((chars) => ["x", ...chars]),
        fc.constantFrom(...ALLOWED_EXTENSIONS),
        fc.boolean(),
        (stem, ext, upper) => {
          const name = `${stem.join("").replace(/[/\\]/g, "_")}.${upper ? ext.toUpperCase() : ext}`;
          expect(fileExtension(sanitizeFileName(name))).toBe(ext);
        },
      ),
      RUNS,
    );
  });
});
