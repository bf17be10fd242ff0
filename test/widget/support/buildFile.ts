import { fileBytes } from "../../support/sandboxFiles.ts";
import { fileExtension, isAllowedExtension } from "../../../contract/index.ts";

/**
 * A File as a browser would hand it over. `size` overrides the reported size without
 * allocating it (the widget judges sizes before reading bytes); the bytes themselves
 * start like a real file of the extension, so the proxy's content check passes.
 */
export function buildFile(
  name: string,
  options: { type?: string; size?: number; bytes?: number } = {},
): File {
  const ext = fileExtension(name);
  const content = isAllowedExtension(ext) ? fileBytes(ext, options.bytes ?? 64) : new Uint8Array(1);
  const file = new File([content], name, { type: options.type ?? "" });
  if (options.size !== undefined) Object.defineProperty(file, "size", { value: options.size });
  return file;
}
