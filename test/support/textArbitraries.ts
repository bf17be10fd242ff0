import fc from "fast-check";

/** White space as JavaScript's `trim()` and `\s` know it (U+FEFF is both white space and Cf). */
export const WHITE_SPACE = [
  " ",
  "\t",
  "\n",
  "\r",
  "\v",
  "\f",
  "\u00a0",
  "\u1680",
  "\u2003",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u3000",
  "\ufeff",
];

/** Invisible format characters (Unicode category Cf), the kind a reader cannot see. */
export const FORMAT_CHARS = [
  "\u00ad",
  "\u061c",
  "\u180e",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202e",
  "\u2060",
  "\u2066",
  "\u{e0001}",
];

/** Code points a reader sees: letters, an accent to combine, CJK, emoji, a private-use one. */
export const VISIBLE_CHARS = ["a", "Z", "7", "ñ", "\u0301", "字", "😀", "👩", "\ue000", "."];

/** One invisible code point: white space or a format character. */
export const invisibleChar = fc.constantFrom(...WHITE_SPACE, ...FORMAT_CHARS);

const VISIBLE = /^[^\s\p{Cf}]$/u;

/** Any one code point but a lone surrogate (text from a form is well-formed UTF-16). */
export const anyCodePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((cp) => cp < 0xd800 || cp > 0xdfff)
  .map((cp) => String.fromCodePoint(cp));

/** One code point a reader sees. */
export const visibleChar = fc.oneof(
  fc.constantFrom(...VISIBLE_CHARS),
  anyCodePoint.filter((c) => VISIBLE.test(c)),
);

/** Text with nothing a reader can see. */
export const invisibleText = (maxLength: number) =>
  fc.array(invisibleChar, { maxLength }).map((chars) => chars.join(""));

/** Any text mixing visible and invisible code points, of at most `maxLength` of them. */
export const mixedText = (maxLength: number) =>
  fc
    .array(
      fc.oneof({ weight: 2, arbitrary: visibleChar }, { weight: 1, arbitrary: invisibleChar }),
      {
        maxLength,
      },
    )
    .map((chars) => chars.join(""));

/**
 * Text near a limit of `max` code points: one repeated unit (letter, emoji, accent, format
 * character…) `max` − 3 … `max` + 3 times, with white space around it, or not.
 */
export const textNearLimit = (max: number) =>
  fc
    .record({
      unit: fc.oneof(visibleChar, invisibleChar),
      count: fc.integer({ min: max - 3, max: max + 3 }),
      before: invisibleText(3),
      after: invisibleText(3),
      pad: fc.boolean(),
    })
    .map(({ unit, count, before, after, pad }) =>
      pad ? `${before}${unit.repeat(count)}${after}` : unit.repeat(count),
    );
