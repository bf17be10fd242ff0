import {
  TIMESLICE_MS,
  fitToRoom,
  shouldStopRecording,
  type RecordingTally,
} from "./recordingBudget.ts";

/** Why a recording ended. */
export type StopReason = "user" | "limit" | "ended" | "error";

/** What one recording produced. */
export interface RecordingResult {
  /** Within the room it had when it stopped; empty when nothing was recorded. */
  blob: Blob;
  reason: StopReason;
  elapsedMs: number;
}

/** A running recording. */
export interface ScreenRecorder {
  /** Stops and delivers what was recorded (through `onDone`). */
  stop(): void;
  /** Stops without delivering anything (the component went away). */
  cancel(): void;
}

/** What `createScreenRecorder` needs; the browser's pieces default to the real ones. */
export interface ScreenRecorderDeps {
  stream: MediaStream;
  mimeType: string;
  videoBitsPerSecond: number;
  /** The bytes the attachments have room for now (it changes if files are added or removed). */
  roomBytes(): number;
  onProgress(progress: { bytes: number; elapsedMs: number }): void;
  onDone(result: RecordingResult): void;
  now?: () => number;
  createMediaRecorder?: (stream: MediaStream, options: MediaRecorderOptions) => MediaRecorder;
  /** How often the timer, the size figure and the auto-stop are brought up to date. */
  tickMs?: number;
}

/**
 * Records `stream` with MediaRecorder in TIMESLICE_MS chunks, sums their sizes, and stops
 * by itself while the file can still fit in the room (see recordingBudget), or when the
 * user ends sharing from the browser's own controls (the track's `ended`). The tracks are
 * stopped when it ends, whatever the reason.
 */
export function createScreenRecorder(deps: ScreenRecorderDeps): ScreenRecorder {
  const now = deps.now ?? (() => performance.now());
  const create =
    deps.createMediaRecorder ?? ((stream, options) => new MediaRecorder(stream, options));
  const recorder = create(deps.stream, {
    mimeType: deps.mimeType,
    videoBitsPerSecond: deps.videoBitsPerSecond,
  });
  const chunks: Blob[] = [];
  const started = now();
  const tally: RecordingTally = { receivedBytes: 0, largestChunkBytes: 0, msSinceLastChunk: 0 };
  let lastChunkAt = started;
  let reason: StopReason | null = null;
  let done = false;

  const progress = (): void => {
    tally.msSinceLastChunk = now() - lastChunkAt;
    deps.onProgress({ bytes: tally.receivedBytes, elapsedMs: now() - started });
    if (reason === null && shouldStopRecording(tally, deps.roomBytes(), deps.videoBitsPerSecond))
      stop("limit");
  };
  const onData = (event: BlobEvent): void => {
    if (event.data.size > 0) {
      chunks.push(event.data);
      tally.receivedBytes += event.data.size;
      tally.largestChunkBytes = Math.max(tally.largestChunkBytes, event.data.size);
    }
    lastChunkAt = now();
    if (!done) progress();
  };
  const onEnded = (): void => stop("ended");
  const onError = (): void => stop("error");
  // Started before any listener is added: if the browser refuses, there is nothing to undo.
  recorder.start(TIMESLICE_MS);
  recorder.addEventListener("dataavailable", onData);
  recorder.addEventListener("stop", finish);
  recorder.addEventListener("error", onError);
  for (const track of deps.stream.getTracks()) track.addEventListener("ended", onEnded);
  const timer = setInterval(progress, deps.tickMs ?? 250);
  // Sharing may have ended before the first listener was there.
  if (deps.stream.getVideoTracks().some((track) => track.readyState === "ended"))
    queueMicrotask(onEnded);

  const detach = (): void => {
    clearInterval(timer);
    recorder.removeEventListener("dataavailable", onData);
    recorder.removeEventListener("stop", finish);
    recorder.removeEventListener("error", onError);
    for (const track of deps.stream.getTracks()) track.removeEventListener("ended", onEnded);
  };
  function finish(): void {
    if (done) return;
    done = true;
    detach();
    for (const track of deps.stream.getTracks()) track.stop();
    const type = (recorder.mimeType || deps.mimeType).split(";")[0] ?? deps.mimeType;
    const blob = fitToRoom(new Blob(chunks, { type }), deps.roomBytes());
    deps.onDone({ blob, reason: reason ?? "ended", elapsedMs: now() - started });
  }
  function stop(why: StopReason): void {
    if (reason !== null || done) return;
    reason = why;
    // The last chunk comes with `dataavailable` before `stop`; finish() runs on `stop`.
    if (recorder.state === "inactive") finish();
    else recorder.stop();
  }

  return {
    stop: () => stop("user"),
    cancel: () => {
      if (done) return;
      done = true;
      detach();
      if (recorder.state !== "inactive") recorder.stop();
    },
  };
}
