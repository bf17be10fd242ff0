// C0 and C1 controls, DEL, and the bidirectional overrides that can disguise an extension
// ("photo\u202Egnp.exe" shows as "photoexe.png").
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const MAX_NAME_CHARS = 200;

/**
 * Reduces a file name to its base name, cleaned of control characters, never refused for
 * its path: `../../etc/passwd.png` becomes `passwd.png`. The extension is kept.
 */
export function sanitizeFileName(name: string): string {
  const base = name.replace(UNSAFE_CHARS, "").split(/[/\\]/).pop() ?? "";
  // Leading dots would hide the file on the support team's machines; drop them.
  const trimmed = base.trim().replace(/^\.+/, "");
  const cleaned = trimmed === "" ? "attachment" : trimmed;
  if ([...cleaned].length <= MAX_NAME_CHARS) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 ? cleaned.slice(dot) : "";
  return [...cleaned].slice(0, MAX_NAME_CHARS - [...ext].length).join("") + ext;
}
