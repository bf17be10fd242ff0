import { fileBytes } from "./sandboxFiles.ts";

/** Bytes of a file that starts like a real one of its type (magic numbers), padded to `size`. */
const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A PNG-looking file of `size` bytes. */
export const pngBytes = (size = 1024): Buffer => asBuffer(fileBytes("png", size));
/** A PDF-looking file of `size` bytes. */
export const pdfBytes = (size = 1024): Buffer => asBuffer(fileBytes("pdf", size));
/** A JPEG-looking file of `size` bytes. */
export const jpegBytes = (size = 1024): Buffer => asBuffer(fileBytes("jpg", size));
/** An MP4-looking file of `size` bytes. */
export const mp4Bytes = (size = 1024): Buffer => asBuffer(fileBytes("mp4", size));
/** A WebM-looking file of `size` bytes. */
export const webmBytes = (size = 1024): Buffer => asBuffer(fileBytes("webm", size));

/** A Windows executable (`MZ` … `PE\0\0`) of `size` bytes: what a renamed .exe really holds. */
export function exeBytes(size = 1024): Buffer {
  const bytes = Buffer.alloc(Math.max(size, 0x84));
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c); // offset of the PE header
  bytes.write("PE\0\0", 0x80, "latin1");
  return bytes.subarray(0, size);
}
