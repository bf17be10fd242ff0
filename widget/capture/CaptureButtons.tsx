import { useCallback, useEffect, useRef, useState, type ComponentType } from "react";
import { useMessages } from "../messages/useMessages.ts";
import type { CaptureInProgress } from "../core/CaptureInProgress.ts";
import type { CaptureKind, CapturePanelProps } from "./CapturePanel.tsx";
import { captureRoom } from "./captureRoom.ts";
import { DISPLAY_MEDIA_OPTIONS, captureSupport } from "./captureSupport.ts";

// The editor and the recorder are their own chunk, fetched on first use (or on hover).
const loadPanel = (): Promise<ComponentType<CapturePanelProps>> =>
  import("./CapturePanel.tsx").then((module) => module.CapturePanel);

interface Session {
  id: number;
  kind: CaptureKind;
  stream: Promise<MediaStream> | null;
  refusal: CapturePanelProps["refusal"];
}

/** getDisplayMedia, with a synchronous throw turned into a rejection like any other refusal. */
function askForDisplay(): Promise<MediaStream> {
  try {
    return navigator.mediaDevices.getDisplayMedia(DISPLAY_MEDIA_OPTIONS);
  } catch (error) {
    return Promise.reject(error);
  }
}

const stopTracks = (stream: Promise<MediaStream> | null | undefined): void => {
  stream?.then(
    (granted) => granted.getTracks().forEach((track) => track.stop()),
    () => undefined,
  );
};

/**
 * Take screenshot and Record screen, beside the dropzone, where the browser can do them
 * (see captureSupport). A click asks the browser at once — only a user's gesture may — and
 * loads the capture code meanwhile; what it makes goes to `onFiles`, the same path as a
 * dropped file. Its notices (a refused permission, why a recording stopped) stay here.
 */
export function CaptureButtons(props: {
  files: readonly File[];
  /** Adds files through the Attachments field; true when all were attached. */
  onFiles(files: File[]): boolean;
  /** Tells the widget of a capture being made (Send settles it; the launcher shows it). */
  onInProgress(capture: CaptureInProgress | null): void;
  disabled: boolean;
  /** Focus the Attachments field (after the editor or the recorder closes). */
  returnFocus(): void;
}) {
  const { messages } = useMessages();
  const [Panel, setPanel] = useState<ComponentType<CapturePanelProps> | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState("");
  const box = useRef<HTMLDivElement>(null);
  const live = useRef<Session | null>(null);
  const { returnFocus, onInProgress } = props;

  // Whatever happens, no capture outlives the form.
  useEffect(
    () => () => {
      stopTracks(live.current?.stream);
      if (live.current) onInProgress(null);
    },
    [onInProgress],
  );
  const widgetRoot = useCallback(() => box.current?.closest<HTMLElement>(".rhw-root") ?? null, []);
  const onClose = useCallback(
    (focus: boolean) => {
      stopTracks(live.current?.stream);
      live.current = null;
      setSession(null);
      onInProgress(null);
      if (focus) returnFocus();
    },
    [returnFocus, onInProgress],
  );

  const support = captureSupport();
  if (!support.screenshot) return null;
  const busy = props.disabled || session !== null;

  const start = (kind: CaptureKind): void => {
    if (busy) return;
    const { refusal } = captureRoom(props.files, kind);
    const stream = refusal === null ? askForDisplay() : null;
    stream?.catch(() => undefined); // the panel tells the user
    live.current = { id: (live.current?.id ?? 0) + 1, kind, stream, refusal };
    setSession(live.current);
    setNotice("");
    loadPanel().then(
      (loaded) => setPanel(() => loaded),
      () => {
        onClose(false);
        setNotice(messages.networkError);
      },
    );
  };
  // Intent fetches the chunk early. On each button, not the row: Preact's onFocus is the
  // DOM's `focus`, which does not bubble as React's does (the embed may run on preact/compat).
  const prefetch = (): void => void loadPanel().catch(() => undefined);
  const intent = { onPointerEnter: prefetch, onFocus: prefetch };

  return (
    <div ref={box}>
      <div className="rhw-capture-buttons">
        <button
          type="button"
          className="rhw-secondary"
          aria-disabled={busy}
          onClick={() => start("screenshot")}
          {...intent}
        >
          {messages.takeScreenshot}
        </button>
        {support.recording ? (
          <button
            type="button"
            className="rhw-secondary"
            aria-disabled={busy}
            onClick={() => start("recording")}
            {...intent}
          >
            {messages.recordScreen}
          </button>
        ) : null}
      </div>
      {session && Panel ? (
        <Panel
          key={session.id}
          kind={session.kind}
          stream={session.stream}
          refusal={session.refusal}
          files={props.files}
          onFiles={props.onFiles}
          onInProgress={onInProgress}
          onNotice={setNotice}
          onClose={onClose}
          widgetRoot={widgetRoot}
        />
      ) : null}
      <p className="rhw-hint" aria-live="polite">
        {notice}
      </p>
    </div>
  );
}
