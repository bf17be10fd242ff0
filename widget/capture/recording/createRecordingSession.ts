import type { CaptureInProgress } from "../../core/CaptureInProgress.ts";
import type { CaptureMessages } from "../../messages/Messages.ts";
import { fill } from "../../messages/fill.ts";
import { captureFileName } from "../captureFileName.ts";
import {
  createScreenRecorder,
  type RecordingResult,
  type ScreenRecorder,
  type ScreenRecorderDeps,
  type StopReason,
} from "./createScreenRecorder.ts";
import { formatDuration } from "./formatDuration.ts";
import { recordingBitrate } from "./recordingBudget.ts";

const EXTENSIONS: Record<string, string> = { "video/webm": "webm", "video/mp4": "mp4" };
const ONE_MINUTE = 60_000;

const stopText = (text: CaptureMessages): Record<StopReason, string> => ({
  user: text.stoppedByUser,
  limit: text.stoppedAtLimit,
  ended: text.stoppedSharing,
  error: text.recordingFailed,
});

/** What a recording tells the widget around it (the capture panel's callbacks). */
export interface RecordingSessionEvents {
  /** Shows and announces a line under the capture buttons. */
  notice(text: string): void;
  /** The session is over; `returnFocus` sends focus back to the Attachments field. */
  close(returnFocus: boolean): void;
  /** Attaches the recorded file through the form's rules; true if attached. */
  files(files: File[]): boolean;
  /** The recording Send must settle first, once it runs. */
  inProgress(capture: CaptureInProgress): void;
  /** The recorder runs: the view moves focus to Stop recording. */
  started(): void;
}

/** What the view shows: the size and time so far, and the last announcement. */
export interface RecordingSnapshot {
  bytes: number;
  elapsedMs: number;
  /** Said at the start and every full minute (a polite live region). */
  announcement: string;
}

/** One screen recording, from the granted stream to the attached file; no UI framework. */
export interface RecordingSession {
  subscribe(listener: () => void): () => void;
  getSnapshot(): RecordingSnapshot;
  /** Narrows the stream (≤ 1920 px wide, ≤ 30 fps), then starts recording. */
  start(): Promise<void>;
  /** Stop recording: the file is attached and the session closes. */
  stop(): void;
  /** Send's way out (CaptureInProgress.settle): stops, then says whether the file was attached. */
  settle(): Promise<boolean>;
  /** The view went away: recording is dropped, a waiting Send is let through. */
  dispose(): void;
}

/**
 * Creates a recording session over `stream`. It stops by itself before the file would break a
 * size rule (the room `roomBytes()` leaves) and when the user ends sharing in the browser.
 * `text()` and `events()` are read when used, so the view may pass its latest ones.
 */
export function createRecordingSession(deps: {
  stream: MediaStream;
  mimeType: string;
  roomBytes(): number;
  text(): CaptureMessages;
  events(): RecordingSessionEvents;
  /** The browser's recorder by default; tests give a fake. */
  startRecorder?: (deps: ScreenRecorderDeps) => ScreenRecorder;
  /** When the recording started, for the file's name. */
  now?: () => Date;
}): RecordingSession {
  const startRecorder = deps.startRecorder ?? createScreenRecorder;
  let snapshot: RecordingSnapshot = { bytes: 0, elapsedMs: 0, announcement: "" };
  const listeners = new Set<() => void>();
  let live = true;
  let recorder: ScreenRecorder | null = null;
  // Set when Send stopped the recording: it is told whether the file was attached.
  let settling: { answer: Promise<boolean>; tell(attached: boolean): void } | null = null;
  // How it ended (null while it runs): a Send that raced the end is answered at once.
  let ended: { attached: boolean } | null = null;
  let minutesSaid = 0;
  const startedAt = (deps.now ?? (() => new Date()))();

  function update(patch: Partial<RecordingSnapshot>): void {
    snapshot = { ...snapshot, ...patch };
    for (const listener of [...listeners]) listener();
  }

  function progress({ bytes, elapsedMs }: { bytes: number; elapsedMs: number }): void {
    const minutes = Math.floor(elapsedMs / ONE_MINUTE);
    if (minutes <= minutesSaid) return update({ bytes, elapsedMs });
    minutesSaid = minutes;
    const time = formatDuration(minutes * ONE_MINUTE);
    update({ bytes, elapsedMs, announcement: fill(deps.text().recordingTime, { time }) });
  }

  function done(result: RecordingResult): void {
    const text = deps.text();
    const events = deps.events();
    let attached = true;
    if (result.blob.size === 0) {
      events.notice(result.reason === "error" ? text.recordingFailed : text.nothingRecorded);
    } else {
      const extension = EXTENSIONS[result.blob.type] ?? "webm";
      const name = captureFileName("recording", extension, startedAt);
      const said = settling && result.reason === "user" ? text.stoppedToSend : null;
      const time = formatDuration(result.elapsedMs);
      events.notice(fill(said ?? stopText(text)[result.reason], { time }));
      attached = events.files([new File([result.blob], name, { type: result.blob.type })]);
    }
    ended = { attached };
    // Stopped for Send, focus stays on Send, unless the file was refused: then it goes to the
    // field that lists it with the reason.
    events.close(settling ? !attached : true);
    settling?.tell(attached);
  }

  function settle(): Promise<boolean> {
    if (ended) return Promise.resolve(ended.attached);
    if (!settling) {
      let tell: (attached: boolean) => void = () => undefined;
      const answer = new Promise<boolean>((resolve) => (tell = resolve));
      settling = { answer, tell };
      recorder?.stop();
    }
    return settling.answer;
  }

  function begin(): void {
    if (!live) return;
    try {
      recorder = startRecorder({
        stream: deps.stream,
        mimeType: deps.mimeType,
        videoBitsPerSecond: recordingBitrate(deps.roomBytes()),
        roomBytes: deps.roomBytes,
        onProgress: progress,
        onDone: done,
      });
      const events = deps.events();
      events.inProgress({ kind: "recording", settle });
      update({ announcement: deps.text().recordingStarted });
      events.started();
    } catch {
      deps.events().notice(deps.text().recordingFailed);
      deps.events().close(false);
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    async start() {
      // Beyond full HD and 30 frames a second a support recording only gains bytes; settled
      // before the recorder starts, so the encoder never sees the size change.
      const narrowed = deps.stream
        .getVideoTracks()
        .map((track) =>
          track
            .applyConstraints({ frameRate: { max: 30 }, width: { max: 1920 } })
            .catch(() => undefined),
        );
      await Promise.all(narrowed);
      begin();
    },
    stop() {
      if (live) recorder?.stop();
    },
    settle,
    dispose() {
      live = false;
      recorder?.cancel();
      // Gone without an end (the form went away): nothing is left for Send to wait for.
      ended ??= { attached: true };
      settling?.tell(true);
    },
  };
}
