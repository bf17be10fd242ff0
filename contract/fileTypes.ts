/** A run of bytes expected at `offset`; `null` matches any byte. */
interface ByteRun {
  offset: number;
  bytes: readonly (number | null)[];
}

interface FileTypeRule {
  /** MIME types browsers report for this extension ("" is always tolerated). */
  mimeTypes: readonly string[];
  /** The file matches when every run of any one signature matches. */
  signatures: readonly (readonly ByteRun[])[];
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const JPEG = [[{ offset: 0, bytes: [0xff, 0xd8, 0xff] }]];
// ISO base media (mp4) and QuickTime (mov) share a box layout: size, then a box type at 4.
// QuickTime files made by older tools may start with moov/mdat/wide/free instead of ftyp.
const ISO_BOXES = ["ftyp", "moov", "mdat", "wide", "free", "skip", "pnot"].map((box) => [
  { offset: 4, bytes: ascii(box) },
]);

const RULES = {
  jpg: { mimeTypes: ["image/jpeg", "image/pjpeg"], signatures: JPEG },
  jpeg: { mimeTypes: ["image/jpeg", "image/pjpeg"], signatures: JPEG },
  png: {
    mimeTypes: ["image/png"],
    signatures: [[{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }]],
  },
  webp: {
    mimeTypes: ["image/webp"],
    signatures: [
      [
        { offset: 0, bytes: ascii("RIFF") },
        { offset: 8, bytes: ascii("WEBP") },
      ],
    ],
  },
  mp4: { mimeTypes: ["video/mp4", "application/mp4", "audio/mp4"], signatures: ISO_BOXES },
  mov: { mimeTypes: ["video/quicktime", "video/mp4"], signatures: ISO_BOXES },
  avi: {
    mimeTypes: ["video/x-msvideo", "video/avi", "video/msvideo", "video/vnd.avi"],
    signatures: [
      [
        { offset: 0, bytes: ascii("RIFF") },
        { offset: 8, bytes: ascii("AVI ") },
      ],
    ],
  },
  webm: {
    mimeTypes: ["video/webm", "audio/webm"],
    signatures: [[{ offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3] }]],
  },
  pdf: { mimeTypes: ["application/pdf"], signatures: [[{ offset: 0, bytes: ascii("%PDF-") }]] },
} as const satisfies Record<string, FileTypeRule>;

export type AllowedExtension = keyof typeof RULES;

/** The extensions Ripio accepts, lower case, in the order of its documentation. */
export const ALLOWED_EXTENSIONS = Object.keys(RULES) as AllowedExtension[];

/** How many leading bytes `matchesSignature` needs to decide. */
export const SIGNATURE_BYTES = 16;

/** For a file input's `accept` / react-dropzone's `accept`: MIME type → extensions. */
export function acceptMap(): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const ext of ALLOWED_EXTENSIONS) {
    for (const mime of RULES[ext].mimeTypes) (map[mime] ??= []).push(`.${ext}`);
  }
  return map;
}

/** The usual MIME type of an extension: the first its rule lists (`mov` → `video/quicktime`). */
export function usualMimeType(ext: AllowedExtension): string {
  return RULES[ext].mimeTypes[0];
}

/** Lower-case extension of a file name, without the dot; "" when it has none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  // A leading dot names a hidden file, not an extension (".png" has none).
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** True when `ext` (lower case, as `fileExtension` gives it) is one Ripio accepts. */
export function isAllowedExtension(ext: string): ext is AllowedExtension {
  return Object.hasOwn(RULES, ext);
}

/**
 * True when a browser-reported MIME type fits the extension. Empty and generic types
 * pass: browsers often give `.mov` no type at all, and the bytes are checked anyway.
 */
export function isMimeCompatible(ext: AllowedExtension, mimeType: string): boolean {
  const mime = mimeType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime === "" || mime === "application/octet-stream") return true;
  return (RULES[ext].mimeTypes as readonly string[]).includes(mime);
}

/** True when the file's first bytes are what its extension claims. */
export function matchesSignature(ext: AllowedExtension, head: Uint8Array): boolean {
  return RULES[ext].signatures.some((runs) =>
    runs.every((run) =>
      run.bytes.every((byte, i) => byte === null || head[run.offset + i] === byte),
    ),
  );
}
