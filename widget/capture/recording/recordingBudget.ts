import { TICKET_LIMITS } from "../../../contract/index.ts";

/** MediaRecorder hands over what it has every this many milliseconds. */
export const TIMESLICE_MS = 500;
/** A file at the per-file limit holds at least this long a recording. */
export const MIN_SECONDS_PER_FILE = 120;
/** Below this, a screen recording is too blurry to read; little room then means a short one. */
export const MIN_BITS_PER_SECOND = 300_000;
// The target rate uses this share of the room: encoders overshoot it (VP9 chunks were up
// to 2.4 × the target here), and the stop leaves a margin for the last chunk.
const RATE_SHARE = 0.8;
// What may still come after `stop()`, as a multiple of one chunk or of the target rate.
const OVERSHOOT = 2.5;
// Container bytes written at the very end, and rounding.
const HEADROOM_BYTES = 64 * 1024;

/**
 * The `videoBitsPerSecond` to ask for: at most what fits MIN_SECONDS_PER_FILE in one file
 * at the per-file limit, less when the attachments have less room left (a longer, softer
 * recording is more use than a sharp few seconds), never below MIN_BITS_PER_SECOND.
 */
export function recordingBitrate(roomBytes: number): number {
  const perSecond = (bytes: number): number => (bytes * 8 * RATE_SHARE) / MIN_SECONDS_PER_FILE;
  const ceiling = perSecond(TICKET_LIMITS.maxFileBytes);
  return Math.round(Math.max(MIN_BITS_PER_SECOND, Math.min(ceiling, perSecond(roomBytes))));
}

/** What a running recording has delivered so far. */
export interface RecordingTally {
  /** Bytes of every chunk received. */
  receivedBytes: number;
  largestChunkBytes: number;
  /** Since the last chunk arrived (or since the start, before the first). */
  msSinceLastChunk: number;
}

/**
 * Bytes that may still arrive if the recording stopped now: the encoder's backlog since
 * the last chunk plus the final chunk, judged by the largest chunk seen and by the target
 * rate (some recorders, such as Chromium's MP4, deliver nothing until the end).
 */
export function bytesStillToCome(tally: RecordingTally, bitsPerSecond: number): number {
  const byRate = ((bitsPerSecond / 8) * (tally.msSinceLastChunk + TIMESLICE_MS)) / 1000;
  return Math.ceil(Math.max(tally.largestChunkBytes, byRate) * OVERSHOOT) + HEADROOM_BYTES;
}

/** True when stopping now is the last safe moment for the file to fit in `roomBytes`. */
export function shouldStopRecording(
  tally: RecordingTally,
  roomBytes: number,
  bitsPerSecond: number,
): boolean {
  return tally.receivedBytes + bytesStillToCome(tally, bitsPerSecond) >= roomBytes;
}

/**
 * The recording cut to `roomBytes` if, despite the margin, it came out larger. A WebM or
 * fragmented MP4 from MediaRecorder is a stream: its beginning plays without its end.
 */
export function fitToRoom(blob: Blob, roomBytes: number): Blob {
  return blob.size <= roomBytes ? blob : blob.slice(0, Math.max(0, roomBytes), blob.type);
}
