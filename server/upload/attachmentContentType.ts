import { usualMimeType, type AllowedExtension } from "../../contract/index.ts";

// What busboy reports for a part with no Content-Type header, or one it cannot parse.
const BUSBOY_DEFAULT_TYPE = "text/plain";

/**
 * The type a file part declared, "" when it declared none. busboy gives a part without a
 * Content-Type header (or with an unreadable one) "text/plain", which fits no allowed
 * extension; such a part is judged like one of empty type — its extension and content decide.
 * A part that really says text/plain is judged the same way: its bytes are checked anyway.
 */
export function declaredPartType(busboyMimeType: string): string {
  const mime = busboyMimeType.split(";")[0]?.trim().toLowerCase() ?? "";
  return mime === BUSBOY_DEFAULT_TYPE ? "" : busboyMimeType;
}

/**
 * The Content-Type an attachment is forwarded with: what the browser declared (already found
 * compatible with the extension), or the extension's usual type when it declared none or a
 * generic one (browsers often give `.mov` no type at all).
 */
export function attachmentContentType(ext: AllowedExtension, declared: string): string {
  const mime = declared.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime !== "" && mime !== "application/octet-stream") return mime;
  return usualMimeType(ext);
}
