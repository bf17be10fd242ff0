import { textRule, type RuleCode } from "./ruleError.ts";

/**
 * What the proxy makes of a summary or description part: the text it keeps (trimmed, line
 * breaks as LF), or the rule it breaks. Browsers send every line break of a form field as
 * CRLF (the multipart/form-data encoding requires it) while the widget counted the `\n` a
 * textarea holds, so line breaks are made LF before counting: a description the widget
 * accepted is accepted here, and Ripio receives it with the count the user saw.
 */
export function readTextField(
  name: "summary" | "description",
  value: string,
  truncated: boolean,
): { text: string } | { code: RuleCode } {
  const text = value.replace(/\r\n?/g, "\n");
  const code = textRule(name, text, truncated);
  return code ? { code } : { text: text.trim() };
}
