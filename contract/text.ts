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

/** Largest UTF-8 byte size a text of `chars` code points can have (busboy limits count bytes). */
export function maxUtf8Bytes(chars: number): number {
  return chars * 4;
}
