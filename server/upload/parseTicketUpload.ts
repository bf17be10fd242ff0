import { createWriteStream, type WriteStream } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import {
  API,
  MIB,
  TICKET_LIMITS,
  checkFile,
  fileExtension,
  isAllowedExtension,
  maxUtf8Bytes,
  sanitizeFileName,
  type TicketField,
} from "../../contract/index.ts";
import { ClientAbortError } from "../http/ClientAbortError.ts";
import { ApiError } from "../http/apiError.ts";
import { createAttachmentCheck, type UploadTotals } from "./createAttachmentCheck.ts";
import { attachmentContentType } from "./attachmentContentType.ts";
import { ruleError, textRule } from "./ruleError.ts";

/** One attachment written to a temporary file. */
export interface SpooledFile {
  /** Cleaned by contract's sanitizeFileName: base name, no control characters. */
  fileName: string;
  contentType: string;
  path: string;
  size: number;
}

/** A ticket upload that kept every rule, ready to forward. */
export interface TicketUpload {
  summary: string;
  description: string;
  files: SpooledFile[];
}

/** Room for the text fields and multipart framing on top of the files' 50 MB. */
export const MAX_UPLOAD_BODY_BYTES = TICKET_LIMITS.maxTotalBytes + MIB;

const { summary: SUMMARY, description: DESCRIPTION, attachments: ATTACHMENTS } = API.fields;
const MAX_TEXT_PARTS = 20;
/**
 * Bytes a spool file may have queued before its writer pushes back on the request. The 16 KiB
 * default paused the upload on every 64 KiB socket read until the disk write came back; with
 * room for a few reads, the writes are batched (writev) while the next bytes arrive.
 */
const SPOOL_WRITE_HWM = 1024 * 1024;

/**
 * Parses `POST /api/tickets` while it streams: text fields checked as they arrive, each file
 * written to a new path from `spoolPath` (mode 0o600) with its size, the running total and
 * its first bytes checked on the way.
 * Rejects with the first broken rule (ApiError) as soon as it is seen — the caller answers
 * and drains the rest — or with ClientAbortError when the client leaves or idles.
 */
export function parseTicketUpload(
  req: IncomingMessage,
  options: { spoolPath: (ext: string) => string; idleTimeoutMs: number },
): Promise<TicketUpload> {
  return new Promise((resolve, reject) => {
    // The client may have left while identity and idempotency were checked: 'close' is past.
    if (req.destroyed) {
      reject(new ClientAbortError("client left before its upload was read"));
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        preservePath: true, // we clean names ourselves, backslashes included
        defParamCharset: "utf8",
        // busboy flags a value that reaches a limit exactly: every limit is the maximum + 1.
        limits: {
          fileSize: TICKET_LIMITS.maxFileBytes + 1,
          files: TICKET_LIMITS.maxFiles + 1,
          fieldSize: maxUtf8Bytes(TICKET_LIMITS.descriptionMaxChars) + 1,
          fields: MAX_TEXT_PARTS,
          parts: MAX_TEXT_PARTS + TICKET_LIMITS.maxFiles + 1,
        },
      });
    } catch {
      reject(new ApiError("MALFORMED_REQUEST", "Send the ticket as multipart/form-data."));
      return;
    }

    const text: { summary?: string; description?: string } = {};
    const files: SpooledFile[] = [];
    const writes: Promise<void>[] = [];
    const outputs = new Set<WriteStream>();
    const totals: UploadTotals = { bytes: 0 };
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    let bodyBytes = 0;

    function stop(error: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      req.off("data", onData);
      req.unpipe(parser);
      // Close what we were writing before the caller removes the files.
      const closing = [...outputs].map(
        (out) =>
          new Promise<void>((done) => (out.closed ? done() : out.once("close", done).destroy())),
      );
      const gone = !req.complete && (req.destroyed || error instanceof ClientAbortError);
      const reason = gone
        ? new ClientAbortError("client left mid-upload", { cause: error })
        : error;
      void Promise.all(closing).then(() => reject(reason));
    }
    const malformed = (message: string, field?: TicketField): void =>
      stop(new ApiError("MALFORMED_REQUEST", message, field ? { field } : {}));

    parser.on("field", (name, value, info) => {
      if (settled) return;
      if (name === ATTACHMENTS) return malformed("attachments must be files, not text.", name);
      if (name !== SUMMARY && name !== DESCRIPTION) return; // others (customerId too) are ignored
      if (text[name] !== undefined) return malformed(`${name} was sent twice.`, name);
      const code = textRule(name, value, info.valueTruncated);
      if (code) return stop(ruleError(code));
      text[name] = value.trim();
    });

    parser.on("file", (name, stream: Readable, info) => {
      stream.on("error", () => undefined); // its failures reach us through the pipeline
      if (!settled && (name === SUMMARY || name === DESCRIPTION)) {
        malformed(`${name} must be text, not a file.`, name);
      }
      if (settled || name !== ATTACHMENTS) return void stream.resume();
      if (!info.filename) {
        // An empty file input sends a nameless, empty part: skip it, refuse anything else.
        let bytes = 0;
        stream.on("data", (chunk: Buffer) => (bytes += chunk.length));
        stream.on("end", () => bytes > 0 && malformed("An attachment has no file name.", name));
        return;
      }
      const fileName = sanitizeFileName(info.filename);
      const ext = fileExtension(fileName);
      if (files.length >= TICKET_LIMITS.maxFiles) stop(ruleError("TOO_MANY_FILES"));
      else if (
        !isAllowedExtension(ext) ||
        checkFile({ name: fileName, size: 0, type: info.mimeType })
      ) {
        stop(ruleError("FILE_TYPE_NOT_ALLOWED", fileName));
      }
      if (settled || !isAllowedExtension(ext)) return void stream.resume();

      const path = options.spoolPath(ext);
      const out = createWriteStream(path, {
        flags: "wx",
        mode: 0o600,
        highWaterMark: SPOOL_WRITE_HWM,
      });
      const check = createAttachmentCheck(fileName, ext, totals);
      const entry: SpooledFile = {
        fileName,
        contentType: attachmentContentType(ext, info.mimeType),
        path,
        size: 0,
      };
      outputs.add(out);
      files.push(entry);
      writes.push(
        pipeline(stream, check, out).then(
          () => {
            entry.size = check.size();
            outputs.delete(out);
          },
          (error: unknown) => stop(error instanceof Error ? error : new Error(String(error))),
        ),
      );
    });

    parser.on("filesLimit", () => stop(ruleError("TOO_MANY_FILES")));
    parser.on("fieldsLimit", () => malformed("Too many form fields."));
    parser.on("partsLimit", () => malformed("Too many form parts."));
    parser.on("error", (error: Error) => malformed(`The form could not be read: ${error.message}`));
    parser.on("close", () => {
      // Files are on disk only once every pipeline has finished.
      void Promise.all(writes).then(() => {
        const { summary, description } = text;
        if (summary === undefined) return stop(ruleError("SUMMARY_REQUIRED"));
        if (description === undefined) return stop(ruleError("DESCRIPTION_REQUIRED"));
        if (settled) return;
        settled = true;
        clearTimeout(idle);
        resolve({ summary, description, files });
      });
    });

    function onData(chunk: Buffer): void {
      // Without a Content-Length (chunked), ignored parts could otherwise stream on and on.
      bodyBytes += chunk.length;
      if (bodyBytes > MAX_UPLOAD_BODY_BYTES) stop(ruleError("ATTACHMENTS_TOO_LARGE"));
      else armIdle();
    }
    function armIdle(): void {
      clearTimeout(idle);
      idle = setTimeout(() => {
        stop(new ClientAbortError(`no bytes for ${options.idleTimeoutMs} ms`));
        req.destroy();
      }, options.idleTimeoutMs);
    }
    req.on("data", onData);
    req.on("error", () => undefined); // a reset client; 'close' below says so
    req.on("close", () => {
      if (!req.complete) stop(new ClientAbortError("client left mid-upload"));
    });
    armIdle();
    req.pipe(parser);
  });
}
