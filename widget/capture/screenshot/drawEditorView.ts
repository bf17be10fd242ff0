import type { Rect } from "./selection.ts";

/** Which edit Enter (or the apply button) makes. */
export type EditorTool = "crop" | "blackOut";

/**
 * Draws the picture on the editor's visible canvas with the selection over it: for crop
 * the rest is dimmed, for black-out the selection is shaded. Drawn, not laid over in the
 * DOM, so no positioned elements (or inline styles) are needed.
 */
export function drawEditorView(
  view: HTMLCanvasElement,
  image: HTMLCanvasElement,
  selection: Rect,
  tool: EditorTool,
): void {
  if (view.width !== image.width) view.width = image.width;
  if (view.height !== image.height) view.height = image.height;
  const context = view.getContext("2d");
  if (!context) return;
  context.drawImage(image, 0, 0);
  const { x, y, width, height } = selection;
  context.fillStyle = "rgb(0 0 0 / 0.5)";
  if (tool === "crop") {
    context.fillRect(0, 0, image.width, y);
    context.fillRect(0, y + height, image.width, image.height - y - height);
    context.fillRect(0, y, x, height);
    context.fillRect(x + width, y, image.width - x - width, height);
  } else {
    context.fillRect(x, y, width, height);
  }
  // The canvas is shown scaled down: keep the outline about 2 CSS pixels wide on screen.
  const scale = image.width / Math.max(1, view.clientWidth || image.width);
  context.lineWidth = 2 * scale;
  context.setLineDash([]);
  context.strokeStyle = "#fff";
  context.strokeRect(x, y, width, height);
  context.setLineDash([6 * scale, 4 * scale]);
  context.strokeStyle = "#000";
  context.strokeRect(x, y, width, height);
}
