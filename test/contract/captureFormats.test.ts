import { describe, expect, it } from "vitest";
import { isMimeCompatible, matchesSignature, type AllowedExtension } from "../../contract/index.ts";

const bytes = (hex: string): Uint8Array => Uint8Array.from(hex.split(" "), (b) => parseInt(b, 16));

// First 16 bytes of what Chromium 156 made here: canvas.toBlob (PNG, WebP at quality 1) and
// MediaRecorder (WebM; MP4, which Chromium writes as fragmented MP4 with VP9).
const MADE_BY_THE_BROWSER: [AllowedExtension, string, string][] = [
  ["png", "image/png", "89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52"],
  ["webp", "image/webp", "52 49 46 46 b0 04 00 00 57 45 42 50 56 50 38 58"],
  ["webm", "video/webm;codecs=vp8", "1a 45 df a3 9f 42 86 81 01 42 f7 81 01 42 f2 81"],
  ["mp4", "video/mp4;codecs=vp9", "00 00 00 24 66 74 79 70 69 73 6f 6d 00 00 02 00"],
];

describe("what screen capture makes, against the content check", () => {
  for (const [ext, mime, head] of MADE_BY_THE_BROWSER) {
    it(`when a captured .${ext} is checked, then its bytes and its type (${mime}) pass`, () => {
      expect(matchesSignature(ext, bytes(head))).toBe(true);
      expect(isMimeCompatible(ext, mime)).toBe(true);
    });
  }
});
