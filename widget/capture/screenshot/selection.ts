/** A rectangle in the picture's own pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A picture's size in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** A point in the picture's own pixels. */
export interface Point {
  x: number;
  y: number;
}

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value));

/** How far one arrow key press moves or resizes: 1 % of the picture's longer side. */
export function keyStep(size: Size): number {
  return Math.max(1, Math.round(Math.max(size.width, size.height) / 100));
}

/** Where a new picture's selection starts: the middle half, so both tools show at once. */
export function defaultSelection(size: Size): Rect {
  const width = Math.max(1, Math.round(size.width / 2));
  const height = Math.max(1, Math.round(size.height / 2));
  return {
    x: Math.round((size.width - width) / 2),
    y: Math.round((size.height - height) / 2),
    width,
    height,
  };
}

/** The rectangle kept inside the picture, whole pixels, at least 1 × 1. */
export function clampRect(rect: Rect, size: Size): Rect {
  const width = clamp(Math.round(rect.width), 1, size.width);
  const height = clamp(Math.round(rect.height), 1, size.height);
  return {
    x: clamp(Math.round(rect.x), 0, size.width - width),
    y: clamp(Math.round(rect.y), 0, size.height - height),
    width,
    height,
  };
}

/** The rectangle spanned by a drag from `a` to `b`, in either direction. */
export function rectFromPoints(a: Point, b: Point, size: Size): Rect {
  const x1 = clamp(Math.min(a.x, b.x), 0, size.width);
  const y1 = clamp(Math.min(a.y, b.y), 0, size.height);
  const x2 = clamp(Math.max(a.x, b.x), 0, size.width);
  const y2 = clamp(Math.max(a.y, b.y), 0, size.height);
  return clampRect({ x: x1, y: y1, width: x2 - x1, height: y2 - y1 }, size);
}

/** The selection with its top-left corner at `corner`, kept inside the picture. */
export function moveSelectionTo(rect: Rect, corner: Point, size: Size): Rect {
  return clampRect({ ...rect, x: corner.x, y: corner.y }, size);
}

/** True when `point` lies inside `rect`. */
export function contains(rect: Rect, point: Point): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.width &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.height
  );
}

const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The selection after an arrow key: moved by one step, or with Shift resized (Right and
 * Down grow it, Left and Up shrink it). Null for any other key.
 */
export function selectionAfterKey(
  rect: Rect,
  key: string,
  resize: boolean,
  size: Size,
): Rect | null {
  const move = MOVES[key];
  if (!move) return null;
  const step = keyStep(size);
  const [dx, dy] = move;
  if (resize) {
    return clampRect(
      { ...rect, width: rect.width + dx * step, height: rect.height + dy * step },
      size,
    );
  }
  return clampRect({ ...rect, x: rect.x + dx * step, y: rect.y + dy * step }, size);
}
