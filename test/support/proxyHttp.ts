import { randomBytes } from "node:crypto";
import { request } from "undici";
import { API } from "../../contract/index.ts";

/** An answer of the proxy as tests look at it: status, headers and the JSON (or raw text). */
export interface ProxyAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

/** One part of a multipart body: text, or a file with a name and (optional) type. */
export type Part =
  | { name: string; value: string }
  | { name: string; fileName: string; bytes: Uint8Array; type?: string };

/** A file to attach under `attachments`. */
export interface Attachment {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/** A multipart/form-data body built byte by byte, so tests control every part. */
export function multipart(parts: readonly Part[]): { contentType: string; body: Buffer } {
  const boundary = `----test${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head =
      "fileName" in part
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
          `Content-Type: ${part.type ?? "application/octet-stream"}\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`;
    chunks.push(
      Buffer.from(head),
      "fileName" in part ? Buffer.from(part.bytes) : Buffer.from(part.value),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

/** The parts of a ticket: valid text by default; `null` leaves a field out. */
export function ticketParts(
  options: {
    summary?: string | null;
    description?: string | null;
    files?: readonly Attachment[];
    extra?: readonly Part[];
  } = {},
): Part[] {
  const parts: Part[] = [];
  const summary =
    options.summary === undefined ? "The export button does nothing" : options.summary;
  const description =
    options.description === undefined
      ? "Clicking Export on the orders page shows no file."
      : options.description;
  if (summary !== null) parts.push({ name: API.fields.summary, value: summary });
  if (description !== null) parts.push({ name: API.fields.description, value: description });
  for (const file of options.files ?? []) {
    parts.push({
      name: API.fields.attachments,
      fileName: file.name,
      bytes: file.bytes,
      ...(file.type === undefined ? {} : { type: file.type }),
    });
  }
  parts.push(...(options.extra ?? []));
  return parts;
}

async function answer<T>(res: Awaited<ReturnType<typeof request>>): Promise<ProxyAnswer<T>> {
  const text = await res.body.text();
  let body: unknown = text;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    // Not JSON: keep the text so a failing assertion shows it.
  }
  return { status: res.statusCode, headers: res.headers, body: body as T };
}

/** Headers of a proxy call: the customer token (unless null), then any extra. */
function headersFor(
  token: string | null,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { ...(token === null ? {} : { [API.customerTokenHeader]: token }), ...extra };
}

/** `POST /api/tickets` with a multipart body built from `parts`. */
export async function postTicket(
  baseUrl: string,
  token: string | null,
  parts: readonly Part[] = ticketParts(),
  headers: Record<string, string> = {},
): Promise<ProxyAnswer> {
  const { contentType, body } = multipart(parts);
  const res = await request(`${baseUrl}${API.tickets}`, {
    method: "POST",
    headers: { "content-type": contentType, ...headersFor(token, headers) },
    body,
  });
  return answer(res);
}

/** `GET /api/tickets/:id[?wait=N]`. */
export async function getTicket(
  baseUrl: string,
  token: string | null,
  ticketId: string,
  wait?: number | string,
): Promise<ProxyAnswer> {
  const query = wait === undefined ? "" : `?wait=${wait}`;
  const res = await request(`${baseUrl}${API.tickets}/${encodeURIComponent(ticketId)}${query}`, {
    headers: headersFor(token),
  });
  return answer(res);
}

/** Any call to the proxy, with a JSON body when `json` is given. */
export async function call(
  baseUrl: string,
  method: "GET" | "POST" | "OPTIONS",
  path: string,
  init: { headers?: Record<string, string>; json?: unknown; body?: string | Buffer } = {},
): Promise<ProxyAnswer> {
  const json = init.json === undefined ? {} : { "content-type": "application/json" };
  const res = await request(`${baseUrl}${path}`, {
    method,
    headers: { ...json, ...init.headers },
    body: init.json === undefined ? (init.body ?? null) : JSON.stringify(init.json),
  });
  return answer(res);
}
