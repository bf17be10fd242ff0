import { MIB } from "../../../contract/index.ts";
import { captureFileName } from "../captureFileName.ts";

/**
 * Up to this size a screenshot stays PNG: lossless, so small text stays sharp. Chromium's
 * canvas WebP is lossy even at quality 1 (measured here: channel errors up to 63 around
 * coloured text), so it is only worth it where the bytes matter — a large screen — and only
 * when it comes out smaller.
 */
export const PNG_KEPT_BELOW_BYTES = 1 * MIB;

/** Which encoding a screenshot is attached in, given what each came out as. */
export function chooseScreenshotType(
  png: { size: number },
  webp: { size: number; type: string } | null,
): "png" | "webp" {
  if (png.size <= PNG_KEPT_BELOW_BYTES || webp === null) return "png";
  // A browser that cannot write WebP hands back a PNG instead.
  return webp.type === "image/webp" && webp.size < png.size ? "webp" : "png";
}

const toBlob = (canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob | null> =>
  new Promise((resolve) => canvas.toBlob(resolve, type, quality));

/** The edited picture as the file to attach: `screenshot-YYYYMMDD-HHMMSS.png` (or .webp). */
export async function encodeScreenshot(canvas: HTMLCanvasElement, takenAt: Date): Promise<File> {
  const png = await toBlob(canvas, "image/png");
  if (!png) throw new Error("The picture could not be encoded.");
  const webp = png.size > PNG_KEPT_BELOW_BYTES ? await toBlob(canvas, "image/webp", 1) : null;
  const type = chooseScreenshotType(png, webp);
  const blob = type === "webp" && webp ? webp : png;
  return new File([blob], captureFileName("screenshot", type, takenAt), {
    type: `image/${type}`,
  });
}
