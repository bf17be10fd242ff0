// Over 200 lines on purpose: one editor whose keyboard, pointer and undo share its state.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { RefObject } from "react";
import type { Locale } from "../../../contract/index.ts";
import type { CaptureMessages } from "../../messages/Messages.ts";
import { fill, languageTag } from "../../messages/index.ts";
import { blackOutCanvas, cropCanvas } from "./editImage.ts";
import { drawEditorView, type EditorTool } from "./drawEditorView.ts";
import {
  contains,
  defaultSelection,
  moveSelectionTo,
  rectFromPoints,
  selectionAfterKey,
  type Point,
  type Rect,
} from "./selection.ts";

// Each undo step keeps a full picture; a few are plenty for crop and black-out.
const MAX_HISTORY = 8;

type Drag = { kind: "draw"; from: Point } | { kind: "move"; offset: Point };

/**
 * Crop and black out a screenshot before it is attached. The picture is one focusable
 * surface: arrow keys move the selection, Shift+arrows resize it, Enter applies the tool;
 * a pointer drag draws a new selection (or moves it, from inside). Every change is
 * announced. Edits are burned into the pixels of a new canvas; Undo steps back.
 */
export function ScreenshotEditor(props: {
  image: HTMLCanvasElement;
  text: CaptureMessages;
  locale: Locale;
  onAttach(edited: HTMLCanvasElement): Promise<void>;
  onDiscard(): void;
  /** Where Send points when it finds the editor still open. */
  attachButton?: RefObject<HTMLButtonElement | null>;
}) {
  const { text } = props;
  const [history, setHistory] = useState<HTMLCanvasElement[]>([props.image]);
  const image = history[history.length - 1] ?? props.image;
  const [selection, setSelection] = useState<Rect>(() => defaultSelection(props.image));
  const [tool, setTool] = useState<EditorTool>("crop");
  const [announcement, setAnnouncement] = useState("");
  const [busy, setBusy] = useState(false);
  const view = useRef<HTMLCanvasElement>(null);
  const drag = useRef<Drag | null>(null);
  const ids = { title: useId(), help: useId() };
  const number = new Intl.NumberFormat(languageTag(props.locale));
  const size = (w: number, h: number) => ({ width: number.format(w), height: number.format(h) });
  const describe = (rect: Rect): string =>
    fill(text.selection, {
      ...size(rect.width, rect.height),
      x: number.format(rect.x),
      y: number.format(rect.y),
    });

  // The selection a drag ended with, for its announcement (state in a handler may lag a move).
  const dragged = useRef(selection);
  useEffect(() => {
    dragged.current = selection;
    if (view.current) drawEditorView(view.current, image, selection, tool);
  }, [image, selection, tool]);
  useEffect(() => {
    // The editor takes focus when it opens, so the arrow keys work at once.
    view.current?.focus();
  }, []);

  const apply = (): void => {
    const edited =
      tool === "crop" ? cropCanvas(image, selection) : blackOutCanvas(image, selection);
    setHistory((past) => [...past.slice(-(MAX_HISTORY - 1)), edited]);
    if (tool === "crop") {
      setSelection(defaultSelection(edited));
      setAnnouncement(fill(text.cropped, size(edited.width, edited.height)));
    } else {
      setAnnouncement(text.blackedOut);
    }
  };
  const undo = (): void => {
    if (history.length < 2) return;
    const previous = history[history.length - 2] ?? props.image;
    setHistory(history.slice(0, -1));
    // A black-out undone keeps the selection; a crop undone needs one for the larger picture.
    const sameSize = previous.width === image.width && previous.height === image.height;
    if (!sameSize) setSelection(defaultSelection(previous));
    setAnnouncement(text.undone);
  };
  const attach = (): void => {
    if (busy) return;
    setBusy(true);
    void props.onAttach(image).finally(() => setBusy(false));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>): void => {
    if (event.key === "Enter") {
      event.preventDefault();
      apply();
      return;
    }
    const next = selectionAfterKey(selection, event.key, event.shiftKey, image);
    if (!next) return;
    event.preventDefault();
    setSelection(next);
    setAnnouncement(describe(next));
  };

  const toPicture = (event: PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * image.width) / Math.max(1, box.width),
      y: ((event.clientY - box.top) * image.height) / Math.max(1, box.height),
    };
  };
  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>): void => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = toPicture(event);
    drag.current = contains(selection, at)
      ? { kind: "move", offset: { x: at.x - selection.x, y: at.y - selection.y } }
      : { kind: "draw", from: at };
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>): void => {
    const current = drag.current;
    if (!current) return;
    const at = toPicture(event);
    setSelection((rect) =>
      current.kind === "draw"
        ? rectFromPoints(current.from, at, image)
        : moveSelectionTo(rect, { x: at.x - current.offset.x, y: at.y - current.offset.y }, image),
    );
  };
  const onPointerUp = (): void => {
    if (!drag.current) return;
    drag.current = null;
    setAnnouncement(describe(dragged.current));
  };

  return (
    <fieldset className="rhw-editor" aria-labelledby={ids.title}>
      <legend id={ids.title} className="rhw-editor-title">
        {text.editorLabel}
      </legend>
      <canvas
        ref={view}
        className="rhw-editor-canvas"
        role="application"
        tabIndex={0}
        // Reopening the dialog with the editor open comes back here, before the form's fields.
        data-autofocus="first"
        aria-label={fill(text.imageLabel, size(image.width, image.height))}
        aria-describedby={ids.help}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      />
      <p id={ids.help} className="rhw-editor-help">
        {text.editorHelp}
      </p>
      <div className="rhw-editor-tools">
        <div role="group" aria-label={text.toolLabel} className="rhw-editor-tools">
          {(["crop", "blackOut"] as const).map((name) => (
            <button
              key={name}
              type="button"
              className="rhw-secondary rhw-toggle"
              aria-pressed={tool === name}
              onClick={() => setTool(name)}
            >
              {text[name]}
            </button>
          ))}
        </div>
        <button type="button" className="rhw-secondary" onClick={apply}>
          {tool === "crop" ? text.applyCrop : text.applyBlackOut}
        </button>
        <button
          type="button"
          className="rhw-secondary"
          aria-disabled={history.length < 2}
          onClick={undo}
        >
          {text.undo}
        </button>
      </div>
      <div className="rhw-actions">
        <button type="button" className="rhw-secondary" onClick={props.onDiscard}>
          {text.discard}
        </button>
        <button
          ref={props.attachButton}
          type="button"
          className="rhw-primary"
          aria-disabled={busy}
          onClick={attach}
        >
          {text.attach}
        </button>
      </div>
      <p className="rhw-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
