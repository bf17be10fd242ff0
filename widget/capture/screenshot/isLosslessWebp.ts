const ascii = (bytes: Uint8Array, at: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + 4));

/**
 * True when `bytes` are a WebP whose picture is lossless: its first image chunk is `VP8L`
 * (lossy is `VP8 `). The chunks are walked from the RIFF header: an extended file (`VP8X`) has
 * others first (ICC profile, `ALPH`). The canvas spec does not say what quality 1 means;
 * Chromium writes lossless there, another browser may not.
 */
export function isLosslessWebp(bytes: Uint8Array): boolean {
  if (bytes.length < 20 || ascii(bytes, 0) !== "RIFF" || ascii(bytes, 8) !== "WEBP") return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = ascii(bytes, at);
    if (id === "VP8L") return true;
    if (id === "VP8 ") return false;
    const size = view.getUint32(at + 4, true);
    // Chunks are padded to an even size.
    at += 8 + size + (size % 2);
  }
  return false;
}
