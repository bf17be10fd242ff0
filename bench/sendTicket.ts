import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { request, type Dispatcher } from "undici";
import { API, type AllowedExtension } from "../contract/index.ts";
import { RIPIO_PATHS } from "../server/sandbox/ripioPaths.ts";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "../server/sandbox/seeds.ts";
import { fileBytes } from "../test/support/sandboxFiles.ts";
import { BENCH_CUSTOMER } from "./processes.ts";

/** One attachment, held once in memory and sent as often as needed. */
export interface BenchFile {
  name: string;
  type: string;
  bytes: Buffer;
}

/** Where a ticket goes: through the proxy, or straight to Ripio (the sandbox). */
export type TicketTarget =
  | { kind: "proxy"; url: string; customerToken: string }
  | { kind: "direct"; url: string; bearer: string };

/** A multipart body with a known length, streamed from the same buffers every time. */
export interface Multipart {
  headers: Record<string, string>;
  length: number;
  chunks(): Generator<Buffer>;
}

/** What one sent ticket got back. */
export interface SentTicket {
  status: number;
  ms: number;
  body: unknown;
}

const CHUNK = 256 * 1024;
const MIME: Partial<Record<AllowedExtension, string>> = {
  png: "image/png",
  pdf: "application/pdf",
};

/** A file of `size` bytes that starts like a real `ext` file, so the magic-byte rules pass. */
export function benchFile(ext: "png" | "pdf", size: number): BenchFile {
  const bytes = fileBytes(ext, size);
  return {
    name: `bench-${size}.${ext}`,
    type: MIME[ext] ?? "",
    bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

/** The body of a ticket for `target`: the proxy's field names, or Ripio's (with customerId). */
export function ticketBody(kind: TicketTarget["kind"], files: readonly BenchFile[]): Multipart {
  const boundary = `----bench${randomBytes(12).toString("hex")}`;
  const fields: [string, string][] = [
    ["summary", "Withdrawal stuck in processing"],
    ["description", "The withdrawal to my bank account has been processing since yesterday."],
  ];
  if (kind === "direct") fields.unshift(["customerId", BENCH_CUSTOMER]);
  const fileField = kind === "proxy" ? API.fields.attachments : "files";
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  const heads = files.map((file) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n`,
    ),
  );
  const crlf = Buffer.from("\r\n");
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const length =
    parts.reduce((sum, part) => sum + part.length, 0) +
    files.reduce((sum, file, i) => sum + (heads[i]?.length ?? 0) + file.bytes.length + 2, 0) +
    tail.length;
  return {
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": String(length),
    },
    length,
    *chunks() {
      yield* parts;
      for (const [i, file] of files.entries()) {
        yield heads[i] ?? Buffer.alloc(0);
        for (let at = 0; at < file.bytes.length; at += CHUNK)
          yield file.bytes.subarray(at, at + CHUNK);
        yield crlf;
      }
      yield tail;
    },
  };
}

/** The URL and identity headers of a ticket request to `target`. */
export function ticketRequest(target: TicketTarget): {
  url: string;
  headers: Record<string, string>;
} {
  return target.kind === "proxy"
    ? {
        url: target.url + API.tickets,
        headers: { [API.customerTokenHeader]: target.customerToken },
      }
    : {
        url: target.url + RIPIO_PATHS.tickets,
        headers: { authorization: `Bearer ${target.bearer}` },
      };
}

/** Sends one ticket with `files`, streaming the body, and times it to the end of the answer. */
export async function sendTicket(
  target: TicketTarget,
  files: readonly BenchFile[],
  dispatcher?: Dispatcher,
): Promise<SentTicket> {
  const body = ticketBody(target.kind, files);
  const { url, headers } = ticketRequest(target);
  const started = performance.now();
  const res = await request(url, {
    method: "POST",
    headers: { ...headers, ...body.headers },
    body: Readable.from(body.chunks(), { objectMode: false }),
    ...(dispatcher ? { dispatcher } : {}),
  });
  const text = await res.body.text();
  const ms = performance.now() - started;
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the error message.
  }
  return { status: res.statusCode, ms, body: parsed };
}

/** Throws with the answer unless the ticket was accepted (202 by the proxy, 201 by Ripio). */
export function expectAccepted(sent: SentTicket, what: string): void {
  if (sent.status !== 201 && sent.status !== 202) {
    throw new Error(`${what}: expected 201/202, got ${sent.status} ${JSON.stringify(sent.body)}`);
  }
}

/** A bearer token from the sandbox's OAuth endpoint, for sending straight to it. */
export async function sandboxBearer(sandboxUrl: string): Promise<string> {
  const basic = Buffer.from(`${SANDBOX_CLIENT_ID}:${SANDBOX_CLIENT_SECRET}`).toString("base64");
  const res = await request(sandboxUrl + RIPIO_PATHS.token, {
    method: "POST",
    headers: {
      authorization: `Basic ${basic}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  const body = (await res.body.json()) as { accessToken?: unknown };
  if (typeof body.accessToken !== "string") throw new Error(`no sandbox token: ${res.statusCode}`);
  return body.accessToken;
}
