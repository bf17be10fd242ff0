import { useEffect, useRef } from "react";
import type { FileRejectionCode } from "../messages/index.ts";
import { fill, limitValues } from "../messages/index.ts";
import { getCaptureMessages } from "../messages/captureCatalogue.ts";
import { useMessages } from "../messages/useMessages.ts";
import { captureCss } from "./captureCss.ts";
import { RecordingSession } from "./recording/RecordingSession.tsx";
import { ScreenshotSession } from "./screenshot/ScreenshotSession.tsx";
import { useAdoptedCss } from "./useAdoptedCss.ts";
import type { CaptureInProgress, CaptureKind } from "../core/CaptureInProgress.ts";

/** The two captures the widget offers. */
export type { CaptureKind };

/** What the always-loaded buttons hand the lazily loaded capture. */
export interface CapturePanelProps {
  kind: CaptureKind;
  /** The browser's answer to getDisplayMedia, asked for in the click; null when no room. */
  stream: Promise<MediaStream> | null;
  /** Why there is no room for another file (then `stream` is null). */
  refusal: FileRejectionCode | null;
  /** The files attached now: the room a recording has is what they leave. */
  files: readonly File[];
  /** Adds files through the Attachments field, where every rule judges them; true if attached. */
  onFiles(files: File[]): boolean;
  /** Registers what is being made, once there is something to lose (see CaptureInProgress). */
  onInProgress(capture: CaptureInProgress | null): void;
  /** Shows and announces a line under the buttons (it outlives this panel). */
  onNotice(text: string): void;
  /** Ends the session; `returnFocus` sends focus back to the Attachments field. */
  onClose(returnFocus: boolean): void;
  /** The widget's root element, hidden while a screenshot's frame is taken. */
  widgetRoot(): HTMLElement | null;
}

/**
 * The capture code's entry, loaded by `import()` on first use (see CaptureButtons): the
 * screenshot editor or the recorder, with their styles and messages.
 */
export function CapturePanel(props: CapturePanelProps) {
  const { locale, messages } = useMessages();
  const text = getCaptureMessages(locale);
  const box = useRef<HTMLDivElement>(null);
  useAdoptedCss(box, captureCss);
  const { refusal, onNotice, onClose } = props;

  useEffect(() => {
    if (refusal === null) return;
    const reason = fill(messages.fileReasons[refusal], limitValues(locale));
    onNotice(fill(text.noRoom, { reason }));
    onClose(false);
  }, [refusal, locale, messages, text, onNotice, onClose]);

  return (
    <div ref={box} className="rhw-capture-panel">
      {props.stream === null ? null : props.kind === "screenshot" ? (
        <ScreenshotSession {...props} stream={props.stream} text={text} />
      ) : (
        <RecordingSession {...props} stream={props.stream} text={text} />
      )}
    </div>
  );
}
