import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import busboy from "busboy";
import {
  API,
  MIB,
  MULTIPART_LIMITS,
  TICKET_LIMITS,
  checkFile,
  checkTicketContext,
  fileExtension,
  isAllowedExtension,
  sanitizeFileName,
  type TicketContext,
  type TicketField,
} from "../../contract/index.ts";
import { ClientAbortError } from "../http/ClientAbortError.ts";
import { ApiError } from "../http/apiError.ts";
import { declaredPartType } from "./attachmentContentType.ts";
import type { UploadTotals } from "./createAttachmentCheck.ts";
import type { UploadSpool } from "./createUploadSpool.ts";
import { readTextField } from "./readTextField.ts";
import { ruleError } from "./ruleError.ts";
import { spoolAttachment, type SpooledFile, type SpoolingFile } from "./spoolAttachment.ts";
import { watchBodySize } from "./watchBodySize.ts";

export type { SpooledFile } from "./spoolAttachment.ts";

/** A ticket upload that kept every rule, ready to forward. */
export interface TicketUpload {
  summary: string;
  description: string;
  /** The technical details, checked; `null` when none were sent. */
  context: TicketContext | null;
  files: SpooledFile[];
}

/** Room for the text fields and multipart framing on top of the files' 50 MB. */
export const MAX_UPLOAD_BODY_BYTES = TICKET_LIMITS.maxTotalBytes + MIB;

const {
  summary: SUMMARY,
  description: DESCRIPTION,
  attachments: ATTACHMENTS,
  context: CONTEXT,
} = API.fields;

/**
 * Parses `POST /api/tickets` while it streams: text fields checked as they arrive, each file
 * spooled (spoolAttachment) with its size, the running total and its first bytes checked;
 * a `context` (technical details) is checked too.
 * Rejects with the first broken rule (ApiError) as soon as it is seen — the caller answers and
 * drains the rest — with ClientAbortError when the client leaves, or with `signal`'s reason
 * when it aborts (shutdown). Stalled bodies are cut by the app's body deadline, seen here as a
 * client that left.
 */
export function parseTicketUpload(
  req: IncomingMessage,
  options: { spool: UploadSpool; signal?: AbortSignal },
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
        limits: MULTIPART_LIMITS,
      });
    } catch {
      reject(new ApiError("MALFORMED_REQUEST", "Send the ticket as multipart/form-data."));
      return;
    }

    const text: { summary?: string; description?: string; context?: TicketContext } = {};
    const spooling: SpoolingFile[] = [];
    const totals: UploadTotals = { bytes: 0 };
    let settled = false;

    function stop(error: Error): void {
      if (settled) return;
      settled = true;
      stopSizeWatch();
      options.signal?.removeEventListener("abort", onAbort);
      req.unpipe(parser);
      const gone = !req.complete && (req.destroyed || error instanceof ClientAbortError);
      const reason = gone
        ? new ClientAbortError("client left mid-upload", { cause: error })
        : error;
      // Close what we were writing before the caller removes the files.
      void Promise.all(spooling.map((file) => file.abort())).then(() => reject(reason));
    }
    const malformed = (message: string, field?: TicketField): void =>
      stop(new ApiError("MALFORMED_REQUEST", message, field ? { field } : {}));

    parser.on("field", (name, value, info) => {
      if (settled) return;
      if (name === ATTACHMENTS) return malformed("attachments must be files, not text.", name);
      if (name === CONTEXT) return readContext(value, info.valueTruncated);
      if (name !== SUMMARY && name !== DESCRIPTION) return; // others (customerId too) are ignored
      if (text[name] !== undefined) return malformed(`${name} was sent twice.`, name);
      const read = readTextField(name, value, info.valueTruncated);
      if ("code" in read) return stop(ruleError(read.code));
      text[name] = read.text;
    });

    function readContext(value: string, truncated: boolean): void {
      if (text.context !== undefined) return malformed("context was sent twice.", CONTEXT);
      if (truncated) return malformed("context is too long.", CONTEXT);
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        return malformed("context must be JSON.", CONTEXT);
      }
      const verdict = checkTicketContext(parsed);
      if (!verdict.ok) return malformed(`context: ${verdict.reason}.`, CONTEXT);
      text.context = verdict.context;
    }

    parser.on("file", (name, stream: Readable, info) => {
      stream.on("error", () => undefined); // its failures reach us through the pipeline
      if (!settled && (name === SUMMARY || name === DESCRIPTION || name === CONTEXT)) {
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
      const declaredType = declaredPartType(info.mimeType);
      if (spooling.length >= TICKET_LIMITS.maxFiles) stop(ruleError("TOO_MANY_FILES"));
      else if (
        !isAllowedExtension(ext) ||
        checkFile({ name: fileName, size: 0, type: declaredType })
      ) {
        // Its position among the attachments: every named one before it is in `spooling`.
        stop(ruleError("FILE_TYPE_NOT_ALLOWED", { index: spooling.length, name: fileName }));
      }
      if (settled || !isAllowedExtension(ext)) return void stream.resume();
      const file = spoolAttachment(
        stream,
        { fileName, index: spooling.length, ext, declaredType },
        { spool: options.spool, totals },
      );
      spooling.push(file);
      file.written.catch((error: unknown) =>
        stop(error instanceof Error ? error : new Error(String(error))),
      );
    });

    parser.on("filesLimit", () => stop(ruleError("TOO_MANY_FILES")));
    parser.on("fieldsLimit", () => malformed("Too many form fields."));
    parser.on("partsLimit", () => malformed("Too many form parts."));
    parser.on("error", (error: Error) => malformed(`The form could not be read: ${error.message}`));
    parser.on("close", () => {
      // Files are on disk only once every one has been written.
      void Promise.allSettled(spooling.map((file) => file.written)).then(() => {
        const { summary, description } = text;
        if (summary === undefined) return stop(ruleError("SUMMARY_REQUIRED"));
        if (description === undefined) return stop(ruleError("DESCRIPTION_REQUIRED"));
        if (settled) return;
        settled = true;
        stopSizeWatch();
        options.signal?.removeEventListener("abort", onAbort);
        resolve({
          summary,
          description,
          context: text.context ?? null,
          files: spooling.map((s) => s.file),
        });
      });
    });

    function onAbort(): void {
      const reason: unknown = options.signal?.reason;
      stop(reason instanceof Error ? reason : new Error("upload aborted"));
    }
    options.signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", () => undefined); // a reset client; 'close' below says so
    req.on("close", () => {
      if (!req.complete) stop(new ClientAbortError("client left mid-upload"));
    });
    const stopSizeWatch = watchBodySize(req, MAX_UPLOAD_BODY_BYTES, () =>
      stop(ruleError("ATTACHMENTS_TOO_LARGE")),
    );
    if (options.signal?.aborted) return onAbort();
    req.pipe(parser);
  });
}
