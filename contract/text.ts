/**
 * Counts characters the way Ripio does: after trimming, in Unicode code points
 * (an emoji is one; a letter plus a combining accent is two).
 */
export function countChars(text: string): number {
  let count = 0;
  // for…of walks code points, so a surrogate pair counts once.
  for (const _ of text.trim()) count += 1;
  return count;
}

// One code point a reader can see: neither white space nor an invisible format character
// (Unicode category Cf: zero-width space and joiners, word joiner, BOM, bidi marks…).
const VISIBLE = /[^\s\p{Cf}]/u;

/**
 * True when the text has something a reader can see. A summary of U+200B alone is as empty
 * as one of spaces; the limits still count every code point (`countChars`).
 */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

/** Largest UTF-8 byte size a text of `chars` code points can have (busboy limits count bytes). */
export function maxUtf8Bytes(chars: number): number {
  return chars * 4;
}
