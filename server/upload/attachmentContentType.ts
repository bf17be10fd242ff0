import { acceptMap, type AllowedExtension } from "../../contract/index.ts";

// The first MIME type contract lists for each extension (".mov" → "video/quicktime").
const CANONICAL_TYPE = new Map<string, string>();
for (const [mime, exts] of Object.entries(acceptMap())) {
  for (const ext of exts) if (!CANONICAL_TYPE.has(ext)) CANONICAL_TYPE.set(ext, mime);
}

/**
 * The Content-Type an attachment is forwarded with: what the browser declared (already found
 * compatible with the extension), or the extension's usual type when it declared none or a
 * generic one (browsers often give `.mov` no type at all).
 */
export function attachmentContentType(ext: AllowedExtension, declared: string): string {
  const mime = declared.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime !== "" && mime !== "application/octet-stream") return mime;
  return CANONICAL_TYPE.get(`.${ext}`) ?? "application/octet-stream";
}
