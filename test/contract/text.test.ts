import { describe, expect, it } from "vitest";
import { countChars, hasVisibleText, maxUtf8Bytes } from "../../contract/index.ts";

describe("countChars", () => {
  it.each([
    ["plain ASCII", "hello", 5],
    ["an emoji (one code point, two UTF-16 units)", "😀", 1],
    ["a letter plus a combining accent (two code points, one grapheme)", "e\u0301", 2],
    ["a family emoji joined by ZWJ (five code points)", "👨‍👩‍👧", 5],
    ["text inside white space, after trimming", " \t\n abc \u00a0\n", 3],
    ["only white space", " \t\r\n\u2003", 0],
    ["the empty string", "", 0],
  ])("when counting %s, then it gives code points", (_, text, expected) => {
    expect(countChars(text)).toBe(expected);
  });

  it("when 240 emoji are counted, then they are 240 although .length says 480", () => {
    const text = "😀".repeat(240);
    expect(text.length).toBe(480);
    expect(countChars(text)).toBe(240);
  });
});

describe("hasVisibleText", () => {
  it.each([
    ["a letter", "a", true],
    ["an emoji among zero-width joiners", "\u200D😀\u200D", true],
    ["a no-break space (white space, not ink)", "\u00a0", false],
    ["U+200B, U+200D, U+2060, U+FEFF", "\u200B\u200D\u2060\uFEFF", false],
    ["bidi marks and a soft hyphen (all category Cf)", "\u200E\u200F\u202A\u00AD", false],
    ["the empty string", "", false],
  ])("when the text is %s, then it answers %s", (_, text, expected) => {
    expect(hasVisibleText(text)).toBe(expected);
  });
});

describe("maxUtf8Bytes", () => {
  it("when 5000 characters of the widest kind are encoded, then they fit in maxUtf8Bytes(5000)", () => {
    const widest = "\u{10FFFF}".repeat(5000);
    expect(Buffer.byteLength(widest, "utf8")).toBe(maxUtf8Bytes(5000));
  });
});
