// C0 and C1 controls, DEL, and the bidirectional overrides that can disguise an extension
// ("photo\u202Egnp.exe" shows as "photoexe.png").
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Leading dots would hide the file on the support team's machines; white space around a name
// is never meant. Both are dropped, in any mix (". .png" is "png", not " .png").
const LEADING_JUNK = /^[.\s]+/u;
const MAX_NAME_CHARS = 200;
// An "extension" longer than this is part of the name, cut like the rest of it.
const MAX_EXT_CHARS = 16;

/**
 * Reduces a file name to its base name, cleaned of control characters, never refused for
 * its path: `../../etc/passwd.png` becomes `passwd.png`. The extension is kept, also when a
 * long name is cut to 200 code points. Cleaning a cleaned name changes nothing.
 */
export function sanitizeFileName(name: string): string {
  const base = name.replace(UNSAFE_CHARS, "").split(/[/\\]/).pop() ?? "";
  const cleaned = base.replace(LEADING_JUNK, "").trimEnd();
  if (cleaned === "") return "attachment";
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME_CHARS) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 ? [...cleaned.slice(dot)] : [];
  const kept = ext.length <= MAX_EXT_CHARS ? ext : [];
  return (
    chars
      .slice(0, MAX_NAME_CHARS - kept.length)
      .join("")
      .trimEnd() + kept.join("")
  );
}
