import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";

/** One file part, read from disk when the body is streamed. */
export interface MultipartFile {
  field: string;
  fileName: string;
  contentType: string;
  path: string;
  /** Exact size on disk: the Content-Length is computed from it before a byte is read. */
  size: number;
}

/** An outgoing multipart/form-data body that can be streamed any number of times. */
export interface MultipartBody {
  contentType: string;
  length: number;
  /** A fresh stream of the whole body (files read from disk as it is consumed). */
  open(): Readable;
}

const CRLF = "\r\n";

// The WHATWG form encoding's escapes for names in a part header: quotes and line breaks.
const escapeName = (name: string): string =>
  name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/**
 * Builds a multipart/form-data body from text fields and files on disk, with its exact length,
 * so it can be sent with a Content-Length (no chunked encoding) and re-sent for a retry.
 * File names are sent as UTF-8, as browsers do.
 */
export function multipartBody(
  fields: readonly (readonly [string, string])[],
  files: readonly MultipartFile[],
): MultipartBody {
  const boundary = `----RipioHelpProxy${randomBytes(16).toString("hex")}`;
  const textParts = fields.map(([name, value]) =>
    Buffer.from(
      `--${boundary}${CRLF}Content-Disposition: form-data; name="${escapeName(name)}"${CRLF}${CRLF}` +
        `${value}${CRLF}`,
    ),
  );
  const fileHeads = files.map((file) =>
    Buffer.from(
      `--${boundary}${CRLF}Content-Disposition: form-data; name="${escapeName(file.field)}"; ` +
        `filename="${escapeName(file.fileName)}"${CRLF}Content-Type: ${file.contentType}${CRLF}${CRLF}`,
    ),
  );
  const tail = Buffer.from(`--${boundary}--${CRLF}`);
  const length =
    textParts.reduce((sum, part) => sum + part.length, 0) +
    files.reduce((sum, file, i) => sum + (fileHeads[i]?.length ?? 0) + file.size + CRLF.length, 0) +
    tail.length;

  async function* chunks(): AsyncGenerator<Buffer> {
    yield* textParts;
    for (const [i, file] of files.entries()) {
      yield fileHeads[i] ?? Buffer.alloc(0);
      // Read exactly the size we announced, so a file changed on disk cannot break the framing.
      let sent = 0;
      if (file.size > 0) {
        for await (const chunk of createReadStream(file.path, { end: file.size - 1 })) {
          sent += (chunk as Buffer).length;
          yield chunk as Buffer;
        }
      }
      if (sent !== file.size)
        throw new Error(`spooled file ${i} is ${sent} bytes, expected ${file.size}`);
      yield Buffer.from(CRLF);
    }
    yield tail;
  }

  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length,
    open: () => Readable.from(chunks(), { objectMode: false }),
  };
}
