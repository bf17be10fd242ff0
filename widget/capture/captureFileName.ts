const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * `screenshot-YYYYMMDD-HHMMSS.png` or `recording-…webm`, in the user's local time (as the
 * operating system's own screenshots are named), so the names sort by when they were taken.
 */
export function captureFileName(
  kind: "screenshot" | "recording",
  extension: string,
  at: Date,
): string {
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${kind}-${day}-${time}.${extension}`;
}
