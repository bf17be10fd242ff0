import { useCallback, useMemo, useRef, useState } from "react";
import { judgeFiles, type Attachment } from "./judgeFiles.ts";
import type { FileRejectionCode } from "../messages/index.ts";

/** The files of the draft: attached ones (sent) and refused ones (listed with a reason). */
export interface Attachments {
  items: readonly Attachment[];
  /** The files that will be sent. */
  files: readonly File[];
  /** Judges and lists new files; returns how each was judged. */
  add(files: readonly File[]): Attachment[];
  remove(id: string): void;
  /** Marks an attached file as refused (the proxy found it at fault). */
  refuse(id: string, code: FileRejectionCode): void;
  /** Replaces everything with these files (Try again with the sent draft). */
  reset(files: readonly File[]): void;
}

const attachedFiles = (items: readonly Attachment[]): File[] =>
  items.filter((item) => item.rejection === null).map((item) => item.file);

/** The draft's files, in memory: a File cannot be kept in sessionStorage. */
export function useAttachments(): Attachments {
  const [items, setItems] = useState<readonly Attachment[]>([]);
  // Judging needs the latest list even when two adds come in one tick (drop, then paste).
  const latest = useRef(items);
  const update = useCallback((next: readonly Attachment[]) => {
    latest.current = next;
    setItems(next);
  }, []);

  const add = useCallback(
    (incoming: readonly File[]) => {
      const judged = judgeFiles(attachedFiles(latest.current), incoming);
      update([...latest.current, ...judged]);
      return judged;
    },
    [update],
  );
  const remove = useCallback(
    (id: string) => update(latest.current.filter((item) => item.id !== id)),
    [update],
  );
  const refuse = useCallback(
    (id: string, code: FileRejectionCode) =>
      update(latest.current.map((item) => (item.id === id ? { ...item, rejection: code } : item))),
    [update],
  );
  const reset = useCallback((files: readonly File[]) => update(judgeFiles([], files)), [update]);

  const files = useMemo(() => attachedFiles(items), [items]);
  return { items, files, add, remove, refuse, reset };
}
