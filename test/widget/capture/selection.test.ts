import { describe, expect, it } from "vitest";
import {
  clampRect,
  defaultSelection,
  keyStep,
  rectFromPoints,
  selectionAfterKey,
} from "../../../widget/capture/screenshot/selection.ts";

const picture = { width: 1000, height: 600 };

describe("the editor's selection", () => {
  it("when a picture opens, then the middle half is selected", () => {
    expect(defaultSelection(picture)).toEqual({ x: 250, y: 150, width: 500, height: 300 });
  });

  it("when an arrow key is pressed, then it moves one step (1 % of the longer side)", () => {
    const start = defaultSelection(picture);
    expect(keyStep(picture)).toBe(10);
    expect(selectionAfterKey(start, "ArrowRight", false, picture)).toEqual({ ...start, x: 260 });
    expect(selectionAfterKey(start, "ArrowUp", false, picture)).toEqual({ ...start, y: 140 });
  });

  it("when Shift and an arrow are pressed, then Right and Down grow it, Left and Up shrink it", () => {
    const start = defaultSelection(picture);
    expect(selectionAfterKey(start, "ArrowRight", true, picture)).toEqual({ ...start, width: 510 });
    expect(selectionAfterKey(start, "ArrowUp", true, picture)).toEqual({ ...start, height: 290 });
  });

  it("when it would leave the picture or vanish, then it stays inside and at least 1 × 1", () => {
    const corner = { x: 995, y: 0, width: 5, height: 1 };
    expect(selectionAfterKey(corner, "ArrowRight", false, picture)).toEqual(corner);
    expect(selectionAfterKey(corner, "ArrowUp", true, picture)).toEqual(corner);
    expect(clampRect({ x: -5, y: 700, width: 2000, height: 0 }, picture)).toEqual({
      x: 0,
      y: 599,
      width: 1000,
      height: 1,
    });
  });

  it("when another key is pressed, then the selection is not the editor's business", () => {
    expect(selectionAfterKey(defaultSelection(picture), "Tab", false, picture)).toBeNull();
  });

  it("when a drag goes up and left, then the rectangle is the same as the other way", () => {
    const a = { x: 700, y: 500 };
    const b = { x: 100.4, y: 50.6 };
    expect(rectFromPoints(a, b, picture)).toEqual(rectFromPoints(b, a, picture));
    expect(rectFromPoints(a, b, picture)).toEqual({ x: 100, y: 51, width: 600, height: 449 });
  });
});
