import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { CaptureMessages } from "../../messages/Messages.ts";
import { fill, formatBytes } from "../../messages/index.ts";
import { useMessages } from "../../messages/useMessages.ts";
import type { CapturePanelProps } from "../CapturePanel.tsx";
import { captureErrorText } from "../captureErrorText.ts";
import { captureRoom } from "../captureRoom.ts";
import { browserEnvironment, recordingType } from "../captureSupport.ts";
import { useDisplayStream } from "../useDisplayStream.ts";
import {
  createRecordingSession,
  type RecordingSession as Session,
  type RecordingSessionEvents,
  type RecordingSnapshot,
} from "./createRecordingSession.ts";
import { formatDuration } from "./formatDuration.ts";

const BEFORE: RecordingSnapshot = { bytes: 0, elapsedMs: 0, announcement: "" };
const noSession = (): (() => void) => () => undefined;

/**
 * A screen recording from the browser's prompt to the attached file: a visible timer, the
 * size so far against the room left, Stop recording (which gets focus), and an announcement
 * at the start, every minute and at the end. The recording itself is createRecordingSession's
 * (it stops before the file would break a size rule, and when sharing ends); this view shows it.
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
  const stopButton = useRef<HTMLButtonElement>(null);
  const started = (): void => stopButton.current?.focus();
  const events = {
    notice: onNotice,
    close: onClose,
    files: onFiles,
    inProgress: onInProgress,
    started,
  };
  // The session reads the latest props when it uses them, not those of its first render.
  const latest = useRef({ room, text, events });
  useEffect(() => {
    latest.current = { room, text, events };
  });
  const stream = useDisplayStream(props.stream, (error) => {
    onNotice(captureErrorText(error, text));
    onClose(false);
  });
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    if (!stream) return;
    const made = createRecordingSession({
      stream,
      mimeType: recordingType(browserEnvironment()) ?? "video/webm",
      roomBytes: () => latest.current.room,
      text: () => latest.current.text,
      events: (): RecordingSessionEvents => latest.current.events,
    });
    setSession(made);
    void made.start();
    return made.dispose;
  }, [stream]);
  const progress = useSyncExternalStore(
    session?.subscribe ?? noSession,
    session?.getSnapshot ?? (() => BEFORE),
  );

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
          onClick={() => session?.stop()}
        >
          {text.stop}
        </button>
      </div>
      <p className="rhw-visually-hidden" aria-live="polite">
        {progress.announcement}
      </p>
    </>
  );
}
