/**
 * Seeded generator of `POST /api/tickets` requests for fuzzing the proxy's parser, shared by
 * test/server/upload/parserFuzz.test.ts (a few hundred cases) and `npm run bench -- fuzz`
 * (10,000). A case starts as a well-formed ticket, may break one rule on purpose (and then
 * knows the code the proxy must answer), and may be damaged byte by byte (broken boundaries,
 * huge headers, truncation, stalls, lying lengths…), after which no one can say what it is —
 * only what it must not do. Case `i` of a seed is always the same bytes.
 */
import {
  ALLOWED_EXTENSIONS,
  API,
  TICKET_LIMITS,
  type AllowedExtension,
  type ErrorCode,
} from "../../contract/index.ts";
import { fileBytes } from "./sandboxFiles.ts";

/** What a case is, before the proxy sees it. */
export type FuzzVerdict =
  /** A ticket that keeps every rule: the proxy must accept it (202). */
  | { kind: "valid" }
  /** A ticket that breaks a rule: refused (with `code`, when known), and nothing sent. */
  | { kind: "broken"; code: ErrorCode | null }
  /** Never a complete body (it stalls): nothing may reach Ripio. */
  | { kind: "incomplete" }
  /** Damaged past knowing: any answer but a 5xx, and a ticket only if it keeps the rules. */
  | { kind: "unknown" };

/** How the body goes on the wire. */
export type FuzzFraming =
  | { kind: "length" }
  /** A Content-Length other than the body's: more (the body stalls) or fewer bytes. */
  | { kind: "declared"; length: number }
  | { kind: "chunked"; chunkSizes: number[] }
  /** Neither Content-Length nor Transfer-Encoding. */
  | { kind: "none" };

/** One request of the fuzz run. */
export interface FuzzCase {
  index: number;
  /** The families applied, for the report ("valid", "rule:SUMMARY_REQUIRED", "damage:flip"…). */
  labels: string[];
  /** Request headers besides Host, Connection and the framing (the customer token is added). */
  headers: [string, string][];
  body: Buffer;
  framing: FuzzFraming;
  verdict: FuzzVerdict;
}

/** mulberry32: a small, fast, seeded PRNG (32-bit state); good enough to pick mutations. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const chance = (p: number): boolean => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof createRandom>;

const LETTERS = ["a", "b", "Z", "ñ", "é", "e\u0301", "字", "😀", "👩‍💻", "1", "?", "-", '"', "%"];
const BLANKS = [" ", "\t", "\n", "\r\n", "\u00a0", "\u3000"];
const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e"];

function text(random: Random, min: number, max: number): string {
  const parts: string[] = [random.pick(LETTERS)];
  const length = random.int(min, max);
  while (parts.length < length) {
    const roll = random.next();
    parts.push(random.pick(roll < 0.8 ? LETTERS : roll < 0.93 ? BLANKS : INVISIBLE));
  }
  parts.push(random.pick(LETTERS));
  return parts.join("");
}

const invisibleOnly = (random: Random): string =>
  Array.from({ length: random.int(1, 12) }, () =>
    random.pick(random.chance(0.5) ? INVISIBLE : BLANKS),
  ).join("");

/** A part as raw header lines and body bytes. */
interface Part {
  headers: string[];
  body: Buffer;
}

const field = (name: string, value: string): Part => ({
  headers: [`Content-Disposition: form-data; name="${name}"`],
  body: Buffer.from(value, "utf8"),
});

function filePart(
  fileName: string,
  bytes: Uint8Array,
  type: string | null,
  name: string = API.fields.attachments,
): Part {
  const escaped = fileName.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  return {
    headers: [
      `Content-Disposition: form-data; name="${name}"; filename="${escaped}"`,
      ...(type === null ? [] : [`Content-Type: ${type}`]),
    ],
    body: Buffer.from(bytes),
  };
}

const MIME: Record<AllowedExtension, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  mp4: "video/mp4",
  mov: "video/quicktime",
  avi: "video/x-msvideo",
  webm: "video/webm",
  pdf: "application/pdf",
};

/** File names that keep their extension once cleaned: paths, controls, bidi, odd letters. */
function fileName(random: Random, ext: string): string {
  const stem = random.pick([
    "shot",
    "../../etc/passwd",
    "C:\\Users\\me\\Desktop\\shot",
    "captura ñ 📷",
    "report\u202efdp",
    "tab\there",
    'quote"d',
    "  spaced  ",
    ".hidden",
    "x".repeat(random.int(190, 400)),
    "%E2%80%AE%2e%2e",
    "日本語のファイル",
  ]);
  return `${stem}.${random.chance(0.2) ? ext.toUpperCase() : ext}`;
}

/** A well-formed ticket: summary, description and 0–3 small files of allowed types. */
function validParts(random: Random): Part[] {
  const parts = [
    field(API.fields.summary, text(random, 0, 60)),
    field(API.fields.description, text(random, 0, 400)),
  ];
  const files = random.int(0, 3);
  for (let i = 0; i < files; i += 1) {
    const ext = random.pick(ALLOWED_EXTENSIONS);
    const type = random.pick([MIME[ext], "", "application/octet-stream", null]);
    parts.push(filePart(fileName(random, ext), fileBytes(ext, random.int(16, 24_000)), type));
  }
  // Fields the proxy ignores, an empty file input, white space a browser would not add.
  if (random.chance(0.2)) parts.push(field("customerId", "cus_demo_bob"));
  if (random.chance(0.1)) parts.push(field("x-unknown", text(random, 0, 20)));
  if (random.chance(0.1)) parts.push(filePart("", new Uint8Array(0), "application/octet-stream"));
  return random.chance(0.3) ? shuffleTexts(random, parts) : parts;
}

/** Moves the text fields after the files: the order of parts is the client's to choose. */
function shuffleTexts(random: Random, parts: Part[]): Part[] {
  const [summary, description, ...rest] = parts;
  return random.chance(0.5)
    ? [...rest, summary as Part, description as Part]
    : [description as Part, ...rest, summary as Part];
}

const byName = (parts: Part[], name: string): number =>
  parts.findIndex(
    (p) => p.headers[0]?.includes(`name="${name}"`) && !p.headers[0].includes("filename"),
  );

/** One rule broken on purpose, with the code the proxy must answer. */
const RULE_BREAKS: ((random: Random, parts: Part[]) => ErrorCode)[] = [
  (random, parts) => {
    parts[byName(parts, "summary")] = field("summary", invisibleOnly(random));
    return "SUMMARY_REQUIRED";
  },
  (random, parts) => {
    parts[byName(parts, "description")] = field("description", invisibleOnly(random));
    return "DESCRIPTION_REQUIRED";
  },
  (_, parts) => {
    parts.splice(byName(parts, "summary"), 1);
    return "SUMMARY_REQUIRED";
  },
  (random, parts) => {
    const max = TICKET_LIMITS.summaryMaxChars;
    parts[byName(parts, "summary")] = field("summary", random.pick(LETTERS).repeat(max + 1));
    return "SUMMARY_TOO_LONG";
  },
  (random, parts) => {
    const max = TICKET_LIMITS.descriptionMaxChars;
    const unit = random.pick(["d", "😀", "\n"]);
    parts[byName(parts, "description")] = field("description", `x${unit.repeat(max)}x`);
    return "DESCRIPTION_TOO_LONG";
  },
  (random, parts) => {
    parts.push(field("summary", text(random, 1, 10)));
    return "MALFORMED_REQUEST";
  },
  (random, parts) => {
    parts.push(field("attachments", text(random, 1, 10)));
    return "MALFORMED_REQUEST";
  },
  (_, parts) => {
    parts[byName(parts, "summary")] = filePart(
      "s.png",
      fileBytes("png", 64),
      "image/png",
      "summary",
    );
    return "MALFORMED_REQUEST";
  },
  (random, parts) => {
    const ext = random.pick(["exe", "txt", "svg", "html", "", "png.exe", "zip"]);
    parts.push(filePart(ext ? `file.${ext}` : "file", fileBytes("png", 200), null));
    return "FILE_TYPE_NOT_ALLOWED";
  },
  (random, parts) => {
    const ext = random.pick(ALLOWED_EXTENSIONS);
    const other = random.pick(ALLOWED_EXTENSIONS.filter((e) => !sameSignature(e, ext)));
    parts.push(filePart(`fake.${ext}`, fileBytes(other, random.int(16, 4000)), null));
    return "FILE_CONTENT_MISMATCH";
  },
  (_, parts) => {
    parts.push(filePart("fake.pdf", fileBytes("pdf", 100), "application/x-msdownload"));
    return "FILE_TYPE_NOT_ALLOWED";
  },
  (random, parts) => {
    const files = parts.filter((p) => /filename="[^"]/.test(p.headers[0] ?? "")).length;
    for (let i = files; i <= TICKET_LIMITS.maxFiles; i += 1) {
      parts.push(filePart(`f${i}.png`, fileBytes("png", random.int(16, 200)), "image/png"));
    }
    return "TOO_MANY_FILES";
  },
];

// Extensions whose magic bytes are the same family (jpg/jpeg; mp4/mov) cannot be told apart.
const FAMILY: Partial<Record<AllowedExtension, string>> = { jpeg: "jpg", mov: "mp4" };
const sameSignature = (a: AllowedExtension, b: AllowedExtension): boolean =>
  (FAMILY[a] ?? a) === (FAMILY[b] ?? b);

function serialize(random: Random, parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  if (random.chance(0.05)) chunks.push(Buffer.from("a preamble to be ignored\r\n"));
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${part.headers.join("\r\n")}\r\n\r\n`), part.body);
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  if (random.chance(0.05)) chunks.push(Buffer.from("an epilogue to be ignored"));
  return Buffer.concat(chunks);
}

const randomBytes = (random: Random, length: number): Buffer => {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) bytes[i] = random.int(0, 255);
  return bytes;
};

/** Byte-level damage: each returns the damaged body and its label. */
const DAMAGES: ((random: Random, body: Buffer, boundary: string) => [Buffer, string])[] = [
  (random, body) => {
    const copy = Buffer.from(body);
    for (let n = random.int(1, 8); n > 0; n -= 1)
      copy[random.int(0, copy.length - 1)] = random.int(0, 255);
    return [copy, "flip"];
  },
  (random, body) => [body.subarray(0, random.int(0, body.length - 1)), "truncate"],
  (random, body) => {
    const at = random.int(0, body.length - 1);
    return [
      Buffer.concat([body.subarray(0, at), body.subarray(at + random.int(1, 400))]),
      "cut-span",
    ];
  },
  (random, body) => {
    const at = random.int(0, body.length - 1);
    const span = body.subarray(at, at + random.int(1, 2000));
    return [Buffer.concat([body.subarray(0, at), span, span, body.subarray(at)]), "repeat-span"];
  },
  (random, body) => {
    const at = random.int(0, body.length);
    const junk = random.pick([
      randomBytes(random, random.int(1, 64)),
      Buffer.from("\r\n\r\n"),
      Buffer.from("\r\n--"),
      Buffer.from("\u0000\u0000\xff\xfe", "latin1"),
    ]);
    return [Buffer.concat([body.subarray(0, at), junk, body.subarray(at)]), "insert"];
  },
  (random, body, boundary) => {
    // A delimiter that almost matches: one character off, or its CRLF missing.
    const text = body.toString("latin1");
    const at = nthIndexOf(text, `--${boundary}`, random.int(0, 4));
    if (at < 0) return [body, "boundary-miss"];
    const broken = random.pick([`--${boundary.slice(0, -1)}`, `-${boundary}`, `--${boundary}x`]);
    const next = text.slice(0, at) + broken + text.slice(at + boundary.length + 2);
    return [Buffer.from(next, "latin1"), "boundary-near"];
  },
  (random, body) => {
    // A part header of 8–120 KiB, or thousands of header lines.
    const text = body.toString("latin1");
    const at = text.indexOf("\r\n\r\n");
    if (at < 0) return [body, "huge-part-header-miss"];
    const pad = random.chance(0.5)
      ? `\r\nX-Pad: ${"a".repeat(random.int(8, 120) * 1024)}`
      : "\r\nX-Many: 1".repeat(random.int(500, 4000));
    return [Buffer.from(text.slice(0, at) + pad + text.slice(at), "latin1"), "huge-part-header"];
  },
  (random) => [randomBytes(random, random.int(0, 4096)), "random-body"],
  (random, body) => {
    // A filename in another encoding: RFC 5987 with odd bytes, raw Latin-1, percent junk.
    const text = body.toString("latin1");
    const at = text.indexOf('filename="');
    if (at < 0) return [body, "filename-miss"];
    const odd = random.pick([
      `filename*=UTF-8''%E2%80%AE%FF%FE.png; filename="x`,
      `filename*=ISO-8859-1''caf%E9.png; filename="x`,
      `filename*=bogus''%%%; filename="x`,
      `filename="\xe9t\xe9\x00`,
      `filename=unquoted.png; x="`,
    ]);
    return [
      Buffer.from(text.slice(0, at) + odd + text.slice(at + 10), "latin1"),
      "filename-encoding",
    ];
  },
];

function nthIndexOf(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i += 1) {
    const next = text.indexOf(needle, at + 1);
    if (next < 0) return at;
    at = next;
  }
  return at;
}

/** Request-level oddities of the Content-Type header (the boundary is the body's). */
function contentType(random: Random, boundary: string): [string, boolean] {
  const roll = random.next();
  if (roll < 0.85) {
    // A boundary with characters a token may not hold must be quoted (RFC 2046).
    const param =
      /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(boundary) && random.chance(0.5)
        ? boundary
        : `"${boundary}"`;
    return [
      random.pick([
        `multipart/form-data; boundary=${param}`,
        `Multipart/Form-Data; charset=utf-8; boundary=${param}`,
      ]),
      true,
    ];
  }
  return [
    random.pick([
      "multipart/form-data",
      `multipart/form-data; boundary=${boundary}x`,
      `multipart/mixed; boundary=${boundary}`,
      "application/json",
      "text/plain",
      `multipart/form-data; boundary=${"b".repeat(200)}`,
    ]),
    false,
  ];
}

function boundaryFor(random: Random): string {
  return random.pick([
    `----fuzz${random.int(0, 1e9).toString(16)}`,
    `${"x".repeat(70)}`,
    `a'()+_,-./:=?${random.int(0, 999)}`,
    `b${random.int(0, 1e6)}`,
  ]);
}

/** Case `index` of `seed`: the same bytes every time. */
export function fuzzCase(seed: number, index: number): FuzzCase {
  const random = createRandom((seed * 0x9e3779b1) ^ (index * 0x85ebca6b));
  const labels: string[] = [];
  const parts = validParts(random);
  let verdict: FuzzVerdict = { kind: "valid" };
  if (random.chance(0.45)) {
    const code = random.pick(RULE_BREAKS)(random, parts);
    verdict = { kind: "broken", code };
    labels.push(`rule:${code}`);
  }
  const boundary = boundaryFor(random);
  let body = serialize(random, parts, boundary);
  const [type, typeFits] = contentType(random, boundary);
  if (!typeFits) {
    // Not multipart (MALFORMED_REQUEST), or a boundary that finds no part (SUMMARY_REQUIRED).
    verdict = { kind: "broken", code: null };
    labels.push("content-type");
  }
  if (random.chance(0.4)) {
    const [damaged, label] = random.pick(DAMAGES)(random, body, boundary);
    body = damaged;
    verdict = { kind: "unknown" };
    labels.push(`damage:${label}`);
  }
  const headers: [string, string][] = [["Content-Type", type]];
  if (random.chance(0.03)) {
    headers.push(["Cookie", "c".repeat(random.int(8, 40) * 1024)]);
    verdict = { kind: "unknown" };
    labels.push("huge-request-header");
  }
  const framing = pickFraming(random, body.length);
  if (framing.kind === "declared" && framing.length > body.length) {
    verdict = { kind: "incomplete" };
    labels.push("stall");
  } else if (framing.kind === "declared" || framing.kind === "none") {
    verdict = { kind: "unknown" };
    labels.push(`framing:${framing.kind}`);
  } else if (framing.kind === "chunked") labels.push("chunked");
  if (labels.length === 0 || labels.every((l) => l === "chunked")) labels.unshift("valid");
  return { index, labels, headers, body, framing, verdict };
}

function pickFraming(random: Random, length: number): FuzzFraming {
  const roll = random.next();
  if (roll < 0.8) return { kind: "length" };
  if (roll < 0.9) {
    const chunkSizes: number[] = [];
    for (let left = length; left > 0;) {
      const size = Math.min(left, random.int(1, 16_384));
      chunkSizes.push(size);
      left -= size;
    }
    return { kind: "chunked", chunkSizes };
  }
  if (roll < 0.95) return { kind: "declared", length: length + random.int(1, 5000) };
  if (roll < 0.98) return { kind: "declared", length: random.int(0, Math.max(0, length - 1)) };
  return { kind: "none" };
}
