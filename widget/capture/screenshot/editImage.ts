import type { Rect } from "./selection.ts";

function blankLike(source: HTMLCanvasElement, width: number, height: number) {
  const canvas = source.ownerDocument.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw on a canvas.");
  return { canvas, context };
}

/** A new picture holding only `rect` of `source`. */
export function cropCanvas(source: HTMLCanvasElement, rect: Rect): HTMLCanvasElement {
  const { canvas, context } = blankLike(source, rect.width, rect.height);
  context.drawImage(source, rect.x, rect.y, rect.width, rect.height, 0, 0, rect.width, rect.height);
  return canvas;
}

/**
 * A new picture: `source` with `rect` painted solid black. The pixels themselves change —
 * not an overlay — so nothing under it can be recovered from the file.
 */
export function blackOutCanvas(source: HTMLCanvasElement, rect: Rect): HTMLCanvasElement {
  const { canvas, context } = blankLike(source, source.width, source.height);
  context.drawImage(source, 0, 0);
  context.fillStyle = "#000";
  context.fillRect(rect.x, rect.y, rect.width, rect.height);
  return canvas;
}
