import { MIB } from "../../../contract/index.ts";
import { captureFileName } from "../captureFileName.ts";
import { isLosslessWebp } from "./isLosslessWebp.ts";

/**
 * Up to this size a screenshot stays PNG without trying WebP: encoding a lossless WebP took
 * another 0.5–0.7 s for a 1280 × 720 or 2560 × 1440 picture here (Chromium 156), which is
 * worth it only where the bytes matter — a large screen.
 */
export const PNG_KEPT_BELOW_BYTES = 1 * MIB;

/** What a WebP encoding came out as. */
export interface WebpResult {
  size: number;
  /** A browser that cannot write WebP hands back a PNG instead. */
  type: string;
  /** Only a lossless WebP may replace a PNG: small text must stay sharp. */
  lossless: boolean;
}

/** Which encoding a screenshot is attached in, given what each came out as. */
export function chooseScreenshotType(
  png: { size: number },
  webp: WebpResult | null,
): "png" | "webp" {
  if (png.size <= PNG_KEPT_BELOW_BYTES || webp === null) return "png";
  return webp.type === "image/webp" && webp.lossless && webp.size < png.size ? "webp" : "png";
}

const toBlob = (canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob | null> =>
  new Promise((resolve) => canvas.toBlob(resolve, type, quality));

/**
 * The edited picture as the file to attach: `screenshot-YYYYMMDD-HHMMSS.png`, or `.webp` for
 * a large picture when the browser's WebP at quality 1 is lossless (Chromium's is) and smaller.
 */
export async function encodeScreenshot(canvas: HTMLCanvasElement, takenAt: Date): Promise<File> {
  const png = await toBlob(canvas, "image/png");
  if (!png) throw new Error("The picture could not be encoded.");
  const webp = png.size > PNG_KEPT_BELOW_BYTES ? await toBlob(canvas, "image/webp", 1) : null;
  const webpResult = webp && {
    size: webp.size,
    type: webp.type,
    lossless: isLosslessWebp(new Uint8Array(await webp.arrayBuffer())),
  };
  const type = chooseScreenshotType(png, webpResult);
  const blob = type === "webp" && webp ? webp : png;
  return new File([blob], captureFileName("screenshot", type, takenAt), {
    type: `image/${type}`,
  });
}
