import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import busboy from "busboy";
import {
  ALLOWED_EXTENSIONS,
  SIGNATURE_BYTES,
  MULTIPART_LIMITS,
  TICKET_LIMITS,
  fileExtension,
  isAllowedExtension,
  matchesSignature,
} from "../../../contract/index.ts";
import { consumeBody } from "../consumeBody.ts";
import type { ReceivedFile } from "../types.ts";

/** Past this many body bytes the sandbox stops reading, answers and closes the connection. */
export const MAX_CREATE_BODY_BYTES = 2 * TICKET_LIMITS.maxTotalBytes;

const TEXT_FIELDS = ["customerId", "summary", "description"] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const isTextField = (name: string): name is TextField =>
  (TEXT_FIELDS as readonly string[]).includes(name);

/** What a Create Support Ticket body held, or why it could not be read. */
export type CreateTicketForm =
  | {
      kind: "parsed";
      fields: Partial<Record<TextField, string>>;
      /** Text fields longer than busboy's field limit (so surely over the character limit). */
      oversized: Set<TextField>;
      files: ReceivedFile[];
      /** Rule violations found while streaming, each naming its field. */
      problems: string[];
    }
  | { kind: "parseError"; message: string }
  | { kind: "capped" }
  | { kind: "aborted" };

/** `files: "name" …` — messages name the field first, as Ripio's do. */
const fileProblem = (name: string, text: string): string =>
  `files: ${JSON.stringify(name)} ${text}`;

/**
 * Reads a Create Support Ticket form as simulated Ripio does (the proxy's own reader is
 * server/upload/parseTicketUpload.ts): streams the multipart body through busboy, never a
 * whole file in memory, each file hashed (SHA-256) and its first bytes checked as it passes.
 * Over-limit uploads are read to their end (up to MAX_CREATE_BODY_BYTES) so the 400 that
 * follows is readable.
 */
export function readCreateTicketForm(req: IncomingMessage): Promise<CreateTicketForm> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: CreateTicketForm): void => {
      if (settled) return;
      settled = true;
      req.off("data", countBytes);
      resolve(result);
    };
    const drainThenSettle = (message: string): void => {
      if (settled) return;
      void consumeBody(req, { keep: 0, cap: MAX_CREATE_BODY_BYTES }).then(({ outcome }) =>
        settle(outcome === "ended" ? { kind: "parseError", message } : { kind: outcome }),
      );
    };

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Keep the name as sent, so tests can see whether the proxy cleaned it.
        preservePath: true,
        defParamCharset: "utf8",
        limits: MULTIPART_LIMITS,
      });
    } catch (error) {
      drainThenSettle(`Multipart form parse error - ${(error as Error).message}`);
      return;
    }

    const fields: Partial<Record<TextField, string>> = {};
    const oversized = new Set<TextField>();
    const files: ReceivedFile[] = [];
    const problems = new Set<string>();
    let fileParts = 0;
    let totalBytes = 0;
    let seenBytes = 0;
    let failed = false;

    function countBytes(chunk: Buffer): void {
      seenBytes += chunk.length;
      if (seenBytes <= MAX_CREATE_BODY_BYTES) return;
      req.unpipe(parser);
      req.pause();
      parser.destroy();
      settle({ kind: "capped" });
    }

    parser.on("field", (name, value, info) => {
      if (name === "files") problems.add("files: Expected a file, got a text value.");
      if (!isTextField(name)) return;
      fields[name] = value;
      if (info.valueTruncated) oversized.add(name);
    });

    parser.on("file", (name, stream: Readable, info) => {
      // Every file stream must be consumed, or busboy never finishes.
      stream.on("error", () => undefined); // busboy's own 'error' reports the cause
      if (name !== "files") {
        if (isTextField(name)) problems.add(`${name}: Expected a text value, got a file.`);
        stream.resume();
        return;
      }
      fileParts += 1;
      const fileName = info.filename ?? "";
      const hash = createHash("sha256");
      const head: Buffer[] = [];
      let headBytes = 0;
      let size = 0;
      let tooLarge = false;
      stream.on("data", (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
        totalBytes += chunk.length;
        if (headBytes < SIGNATURE_BYTES) {
          head.push(chunk.subarray(0, SIGNATURE_BYTES - headBytes));
          headBytes += Math.min(chunk.length, SIGNATURE_BYTES - headBytes);
        }
      });
      stream.on("limit", () => (tooLarge = true));
      stream.on("end", () => {
        files.push({
          name: fileName,
          size,
          sha256: hash.digest("hex"),
          contentType: info.mimeType,
        });
        const ext = fileExtension(fileName);
        if (tooLarge) {
          problems.add(
            fileProblem(fileName, `is larger than ${TICKET_LIMITS.maxFileBytes} bytes.`),
          );
        } else if (!isAllowedExtension(ext)) {
          problems.add(
            fileProblem(
              fileName,
              `has a type that is not allowed (${ALLOWED_EXTENSIONS.join(", ")}).`,
            ),
          );
        } else if (!matchesSignature(ext, Buffer.concat(head))) {
          problems.add(fileProblem(fileName, `is not a valid .${ext} file.`));
        }
      });
    });

    const tooMany = `files: Ensure this field has no more than ${TICKET_LIMITS.maxFiles} files.`;
    parser.on("filesLimit", () => problems.add(tooMany));
    parser.on("fieldsLimit", () => problems.add("Too many fields."));
    parser.on("partsLimit", () => problems.add("Too many parts."));

    parser.on("error", (error: Error) => {
      failed = true;
      req.unpipe(parser);
      drainThenSettle(`Multipart form parse error - ${error.message}`);
    });
    parser.on("close", () => {
      if (failed) return;
      if (fileParts > TICKET_LIMITS.maxFiles) problems.add(tooMany);
      if (totalBytes > TICKET_LIMITS.maxTotalBytes) {
        problems.add(`files: The files add up to more than ${TICKET_LIMITS.maxTotalBytes} bytes.`);
      }
      settle({ kind: "parsed", fields, oversized, files, problems: [...problems] });
    });
    req.on("close", () => {
      if (req.complete) return;
      parser.destroy();
      settle({ kind: "aborted" });
    });

    req.on("data", countBytes);
    req.pipe(parser);
  });
}
