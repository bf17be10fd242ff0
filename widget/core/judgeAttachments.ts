import { judgeFiles } from "../../contract/index.ts";
import type { Attachment } from "./ticketFlowTypes.ts";

/** The files of `items` that a send would carry (the attached ones). */
export function attachedFiles(items: readonly Attachment[]): File[] {
  return items.filter((item) => item.rejection === null).map((item) => item.file);
}

/**
 * Judges `incoming` by the contract's rules (type, size, then the count and total left
 * beside `items`), giving each a new id from `nextId`.
 */
export function judgeAttachments(
  items: readonly Attachment[],
  incoming: readonly File[],
  nextId: () => string,
): Attachment[] {
  const verdicts = judgeFiles(incoming, attachedFiles(items));
  return incoming.map((file, i) => ({ id: nextId(), file, rejection: verdicts[i] ?? null }));
}
