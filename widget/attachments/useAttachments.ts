import { useCallback, useMemo, useRef, useState } from "react";
import { judgeFiles } from "../../contract/index.ts";
import type { CaptureInProgress } from "../capture/CaptureInProgress.ts";
import type { FileRejectionCode } from "../messages/index.ts";

/** A file the user offered, attached or refused (a refused one is listed, never sent). */
export interface Attachment {
  id: string;
  file: File;
  rejection: FileRejectionCode | null;
}

/** The files of the draft: attached ones (sent) and refused ones (listed with a reason). */
export interface Attachments {
  items: readonly Attachment[];
  /** The files that will be sent, as of this render. */
  files: readonly File[];
  /** The files that will be sent, as of now (an add in this tick included). */
  attached(): readonly File[];
  /** Judges and lists new files; returns how each was judged. */
  add(files: readonly File[]): Attachment[];
  remove(id: string): void;
  /** Marks an attached file as refused (the proxy found it at fault). */
  refuse(id: string, code: FileRejectionCode): void;
  /** Replaces everything with these files (Try again with the sent draft). */
  reset(files: readonly File[]): void;
  /** A screenshot or recording being made for this draft, not attached yet. */
  inProgress: CaptureInProgress | null;
  setInProgress(capture: CaptureInProgress | null): void;
}

const attachedFiles = (items: readonly Attachment[]): File[] =>
  items.filter((item) => item.rejection === null).map((item) => item.file);

/**
 * The draft's files, in memory: a File cannot be kept in sessionStorage. Each file is
 * judged once, when added, by the contract's rules (type, size, then the count and total
 * left); a refused one is listed and never sent, so nothing judges the sent files again.
 */
export function useAttachments(): Attachments {
  const [items, setItems] = useState<readonly Attachment[]>([]);
  // Judging needs the latest list even when two adds come in one tick (drop, then paste).
  const latest = useRef(items);
  // Ids only tell this widget's rows apart (React keys, remove), so the hook owns the counter.
  const lastId = useRef(0);
  const update = useCallback((next: readonly Attachment[]) => {
    latest.current = next;
    setItems(next);
  }, []);
  const judge = useCallback((attached: readonly File[], incoming: readonly File[]) => {
    const verdicts = judgeFiles(incoming, attached);
    return incoming.map((file, i): Attachment => {
      lastId.current += 1;
      return { id: `file-${lastId.current}`, file, rejection: verdicts[i] ?? null };
    });
  }, []);

  const add = useCallback(
    (incoming: readonly File[]) => {
      const judged = judge(attachedFiles(latest.current), incoming);
      update([...latest.current, ...judged]);
      return judged;
    },
    [judge, update],
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
  const reset = useCallback((files: readonly File[]) => update(judge([], files)), [judge, update]);
  const attached = useCallback(() => attachedFiles(latest.current), []);
  // Kept with the files: it outlives the form (a new one starts after each ticket), as they do.
  const [inProgress, setInProgress] = useState<CaptureInProgress | null>(null);

  const files = useMemo(() => attachedFiles(items), [items]);
  return { items, files, attached, add, remove, refuse, reset, inProgress, setInProgress };
}
