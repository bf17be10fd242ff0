import { useEffect, useRef, useState } from "react";
import type { CaptureMessages } from "../../messages/Messages.ts";
import { fill, formatBytes } from "../../messages/index.ts";
import { useMessages } from "../../messages/useMessages.ts";
import type { CapturePanelProps } from "../CapturePanel.tsx";
import { captureErrorText } from "../captureErrorText.ts";
import { captureFileName } from "../captureFileName.ts";
import { captureRoom } from "../captureRoom.ts";
import { browserEnvironment, recordingType } from "../captureSupport.ts";
import { useDisplayStream } from "../useDisplayStream.ts";
import {
  createScreenRecorder,
  type RecordingResult,
  type ScreenRecorder,
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

/**
 * A screen recording from the browser's prompt to the attached file: a visible timer, the
 * size so far against the room left, Stop recording (which gets focus), and an announcement
 * at the start, every minute and at the end. It stops by itself before the file would break
 * a size rule, and when the user ends sharing in the browser. While it runs it is the
 * widget's capture in progress: Send stops it and takes the file along (`settle`).
 */
export function RecordingSession(
  props: Omit<CapturePanelProps, "stream"> & {
    stream: Promise<MediaStream>;
    text: CaptureMessages;
  },
) {
  const { locale } = useMessages();
  const { text, onNotice, onClose, onFiles, onInProgress } = props;
  const room = captureRoom(props.files, "recording").bytes;
  const roomRef = useRef(room);
  const [progress, setProgress] = useState({ bytes: 0, elapsedMs: 0 });
  const [announcement, setAnnouncement] = useState("");
  const stopButton = useRef<HTMLButtonElement>(null);
  const stopRecording = useRef<(() => void) | null>(null);
  const latest = useRef({ onNotice, onClose, onFiles, onInProgress, text });
  useEffect(() => {
    roomRef.current = room;
    latest.current = { onNotice, onClose, onFiles, onInProgress, text };
  });
  const stream = useDisplayStream(props.stream, (error) => {
    onNotice(captureErrorText(error, text));
    onClose(false);
  });

  useEffect(() => {
    if (!stream) return;
    let live = true;
    let recorder: ScreenRecorder | null = null;
    // Set when Send stopped the recording: it is told whether the file was attached.
    let settling: { answer: Promise<boolean>; tell(attached: boolean): void } | null = null;
    // How it ended (null while it runs): a Send that raced the end is answered at once.
    let ended: { attached: boolean } | null = null;
    const startedAt = new Date();
    const done = (result: RecordingResult): void => {
      const { onNotice, onClose, onFiles, text } = latest.current;
      let attached = true;
      if (result.blob.size === 0) {
        onNotice(result.reason === "error" ? text.recordingFailed : text.nothingRecorded);
      } else {
        const extension = EXTENSIONS[result.blob.type] ?? "webm";
        const name = captureFileName("recording", extension, startedAt);
        const said = settling && result.reason === "user" ? text.stoppedToSend : null;
        const time = formatDuration(result.elapsedMs);
        onNotice(fill(said ?? stopText(text)[result.reason], { time }));
        attached = onFiles([new File([result.blob], name, { type: result.blob.type })]);
      }
      ended = { attached };
      // Stopped for Send, focus stays on Send, unless the file was refused: then it goes to
      // the field that lists it with the reason.
      onClose(settling ? !attached : true);
      settling?.tell(attached);
    };
    const settle = (): Promise<boolean> => {
      if (ended) return Promise.resolve(ended.attached);
      if (!settling) {
        let tell: (attached: boolean) => void = () => undefined;
        const answer = new Promise<boolean>((resolve) => (tell = resolve));
        settling = { answer, tell };
        recorder?.stop();
      }
      return settling.answer;
    };
    const start = (): void => {
      if (!live) return;
      try {
        recorder = createScreenRecorder({
          stream,
          mimeType: recordingType(browserEnvironment()) ?? "video/webm",
          videoBitsPerSecond: recordingBitrate(roomRef.current),
          roomBytes: () => roomRef.current,
          onProgress: setProgress,
          onDone: done,
        });
        stopRecording.current = recorder.stop;
        latest.current.onInProgress({ kind: "recording", settle });
        setAnnouncement(latest.current.text.recordingStarted);
        stopButton.current?.focus();
      } catch {
        latest.current.onNotice(latest.current.text.recordingFailed);
        latest.current.onClose(false);
      }
    };
    // Beyond full HD and 30 frames a second a support recording only gains bytes; settled
    // before the recorder starts, so the encoder never sees the size change.
    const narrowed = stream
      .getVideoTracks()
      .map((track) =>
        track
          .applyConstraints({ frameRate: { max: 30 }, width: { max: 1920 } })
          .catch(() => undefined),
      );
    void Promise.all(narrowed).then(start);
    return () => {
      live = false;
      stopRecording.current = null;
      recorder?.cancel();
      // Gone without an end (the form went away): nothing is left for Send to wait for.
      ended ??= { attached: true };
      settling?.tell(true);
    };
  }, [stream]);

  const minutes = Math.floor(progress.elapsedMs / ONE_MINUTE);
  useEffect(() => {
    if (minutes > 0)
      setAnnouncement(
        fill(latest.current.text.recordingTime, { time: formatDuration(minutes * ONE_MINUTE) }),
      );
  }, [minutes]);

  if (!stream) return <p className="rhw-muted">{text.choosing}</p>;
  const size = fill(text.recordingSize, {
    size: formatBytes(progress.bytes, locale, "up"),
    room: formatBytes(room, locale),
  });
  return (
    <>
      <p className="rhw-recording">
        <span className="rhw-recording-dot" aria-hidden="true" />
        <span>{text.recording}</span>
        <span className="rhw-recording-time" role="timer">
          {formatDuration(progress.elapsedMs)}
        </span>
        <span className="rhw-recording-size">{size}</span>
      </p>
      <meter
        className="rhw-capture-meter"
        aria-label={text.sizeLabel}
        aria-valuetext={size}
        min={0}
        max={Math.max(1, room)}
        value={Math.min(progress.bytes, room)}
      />
      <div className="rhw-actions">
        <button
          ref={stopButton}
          type="button"
          className="rhw-primary"
          // Reopening the dialog mid-recording comes back here, before the form's first field.
          data-autofocus="first"
          onClick={() => stopRecording.current?.()}
        >
          {text.stop}
        </button>
      </div>
      <p className="rhw-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
