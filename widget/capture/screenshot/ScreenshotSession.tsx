import { useEffect, useRef, useState } from "react";
import type { CaptureMessages } from "../../messages/Messages.ts";
import { useMessages } from "../../messages/useMessages.ts";
import type { CapturePanelProps } from "../CapturePanel.tsx";
import { captureErrorText } from "../captureErrorText.ts";
import { useDisplayStream } from "../useDisplayStream.ts";
import { encodeScreenshot } from "./encodeScreenshot.ts";
import { grabFrame } from "./grabFrame.ts";
import { ScreenshotEditor } from "./ScreenshotEditor.tsx";

// One frame per stream, however often an effect runs (StrictMode runs it twice).
const frames = new WeakMap<MediaStream, Promise<HTMLCanvasElement>>();

/** Takes `element` off the screen (opacity, so focus stays where it is); returns the undo. */
function hideElement(element: HTMLElement | null): () => void {
  if (!element) return () => undefined;
  const before = element.style.opacity;
  // A CSSOM property, which a style-src without 'unsafe-inline' allows.
  element.style.opacity = "0";
  return () => {
    element.style.opacity = before;
  };
}

/**
 * A screenshot from the browser's prompt to the attached file: waits for the stream,
 * takes one frame with the widget hidden, opens the editor, and attaches the result
 * through the Attachments field. While the editor is open it is the widget's capture in
 * progress: Send does not attach it for the user (it may still need blacking out), but says
 * so and sends focus to Attach screenshot.
 */
export function ScreenshotSession(
  props: Omit<CapturePanelProps, "stream"> & {
    stream: Promise<MediaStream>;
    text: CaptureMessages;
  },
) {
  const { locale } = useMessages();
  const { text, onNotice, onClose, onFiles, onInProgress, widgetRoot } = props;
  const [image, setImage] = useState<HTMLCanvasElement | null>(null);
  const takenAt = useRef(new Date());
  const attachButton = useRef<HTMLButtonElement>(null);
  const fail = (error: unknown): void => {
    onNotice(captureErrorText(error, text));
    onClose(false);
  };
  const stream = useDisplayStream(props.stream, fail);
  const latestFail = useRef(fail);
  const latest = useRef({ onNotice, text });
  useEffect(() => {
    latestFail.current = fail;
    latest.current = { onNotice, text };
  });

  useEffect(() => {
    if (!image) return;
    onInProgress({
      kind: "screenshot",
      settle: () => {
        latest.current.onNotice(latest.current.text.finishScreenshot);
        attachButton.current?.focus();
        return Promise.resolve(false);
      },
    });
  }, [image, onInProgress]);

  useEffect(() => {
    if (!stream) return;
    let live = true;
    let frame = frames.get(stream);
    if (!frame) {
      frame = grabFrame(stream, () => hideElement(widgetRoot()));
      frames.set(stream, frame);
    }
    frame.then(
      (canvas) => {
        if (!live) return;
        takenAt.current = new Date();
        setImage(canvas);
      },
      (error: unknown) => live && latestFail.current(error),
    );
    return () => {
      live = false;
    };
  }, [stream, widgetRoot]);

  if (!image) return <p className="rhw-muted">{text.choosing}</p>;
  return (
    <ScreenshotEditor
      image={image}
      attachButton={attachButton}
      text={text}
      locale={locale}
      onAttach={async (edited) => {
        try {
          onFiles([await encodeScreenshot(edited, takenAt.current)]);
          onNotice("");
          onClose(true);
        } catch {
          onNotice(text.failed);
        }
      }}
      onDiscard={() => {
        onNotice(text.discarded);
        onClose(true);
      }}
    />
  );
}
