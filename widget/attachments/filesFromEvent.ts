/**
 * Stands in for `file-selector` (react-dropzone's file aggregator, aliased in
 * vite.config.ts). That package carries an 11 KB (gzip) table of MIME types to guess a
 * type for files the browser gives none; the widget judges files by extension and bytes
 * (contract/), so the guess buys nothing and the table would break the size budget.
 * Dropped folders are not walked: support attachments are single files.
 */
export async function fromEvent(event: unknown): Promise<(File | DataTransferItem)[]> {
  if (Array.isArray(event)) {
    // File System Access API handles (react-dropzone's `useFsAccessApi`).
    return Promise.all(event.map((handle: FileSystemFileHandle) => handle.getFile()));
  }
  if (typeof event !== "object" || event === null) return [];
  const transfer = (event as { dataTransfer?: DataTransfer | null }).dataTransfer;
  if (transfer) {
    // Only drop events may read the files; during a drag the items tell their kind and type.
    if ((event as Event).type !== "drop" && transfer.items) {
      return [...transfer.items].filter((item) => item.kind === "file");
    }
    return [...transfer.files].filter((file) => !IGNORED.has(file.name));
  }
  const input = (event as { target?: { files?: FileList | null } }).target;
  return input?.files ? [...input.files] : [];
}

// Thumbnail caches an OS adds to a dragged selection.
const IGNORED = new Set([".DS_Store", "Thumbs.db"]);
