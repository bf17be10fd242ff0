import { describe, expect, it } from "vitest";
import { countChars, maxUtf8Bytes } from "../../contract/index.ts";

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

describe("maxUtf8Bytes", () => {
  it("when 5000 characters of the widest kind are encoded, then they fit in maxUtf8Bytes(5000)", () => {
    const widest = "\u{10FFFF}".repeat(5000);
    expect(Buffer.byteLength(widest, "utf8")).toBe(maxUtf8Bytes(5000));
  });
});
