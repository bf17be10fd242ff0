import { createHash } from "node:crypto";
import { SIGNATURE_BYTES, type AllowedExtension } from "../../contract/index.ts";

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** A genuine-looking first 16 bytes for every allowed extension. */
export const SAMPLE_HEADS: Record<AllowedExtension, readonly number[]> = {
  jpg: [0xff, 0xd8, 0xff, 0xe0],
  jpeg: [0xff, 0xd8, 0xff, 0xdb],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  webp: [...ascii("RIFF"), 0x24, 0, 0, 0, ...ascii("WEBPVP8 ")],
  mp4: [0, 0, 0, 0x18, ...ascii("ftypisom")],
  mov: [0, 0, 0, 0x14, ...ascii("ftypqt  ")],
  avi: [...ascii("RIFF"), 0x24, 0, 0, 0, ...ascii("AVI LIST")],
  webm: [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81],
  pdf: ascii("%PDF-1.7\n%"),
};

/** `size` bytes that start like a real file of type `ext`, the rest a varied filler. */
export function fileBytes(ext: AllowedExtension, size: number = 64): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.max(size, 0));
  // A filler that is not all zeros, so a digest proves the order of the bytes too.
  for (let i = SIGNATURE_BYTES; i < bytes.length; i += 4093) bytes[i] = (i * 31) & 0xff;
  bytes.set(SAMPLE_HEADS[ext].slice(0, bytes.length));
  return bytes;
}

/** Hex SHA-256 of some bytes. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
