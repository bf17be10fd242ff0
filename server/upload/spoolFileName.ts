/** Who wrote a spool file: the host and process, so a sweep at start knows which are orphans. */
export interface SpoolOwner {
  /** The host name, reduced to letters, digits and `-` (dots separate the name's parts). */
  host: string;
  pid: number;
}

/** The host name as it appears in spool file names. */
export function spoolHostTag(hostname: string): string {
  return hostname.replace(/[^A-Za-z0-9-]/g, "_").slice(0, 64) || "_";
}

const NAME = /^([A-Za-z0-9_-]+)\.(\d+)\.([0-9a-f-]{36})\.(\d+)\.([a-z0-9]+)$/;

/** `<host>.<pid>.<upload uuid>.<n>.<ext>`: one attachment of one upload. */
export function spoolFileName(owner: SpoolOwner, uploadId: string, index: number, ext: string) {
  return `${owner.host}.${owner.pid}.${uploadId}.${index}.${ext}`;
}

/** The owner of a spool file by its name; null for a name the spool does not write. */
export function spoolFileOwner(name: string): SpoolOwner | null {
  const match = NAME.exec(name);
  return match?.[1] && match[2] ? { host: match[1], pid: Number(match[2]) } : null;
}
