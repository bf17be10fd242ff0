import type { Page } from "playwright-core";

/** A file the widget put in its upload, as the page saw it. */
export interface SentFile {
  name: string;
  size: number;
  type: string;
  sha256: string;
  /** The first 16 bytes. */
  head: number[];
}

/** What `recordSentFiles` gives a test. */
export interface SentFiles {
  /** The attachments of the last ticket upload, in order. */
  list(): Promise<SentFile[]>;
  /** The first `length` bytes of attachment `index`. */
  bytes(index: number, length: number): Promise<Uint8Array>;
  /** The size of attachment `index` (a picture) encoded as PNG by the browser's canvas. */
  pngSize(index: number): Promise<number>;
  /** RGBA of the given pixels of attachment `index`, decoded by the browser, and its size. */
  pixels(
    index: number,
    points: readonly (readonly [number, number])[],
  ): Promise<{ width: number; height: number; rgba: number[][] }>;
}

/**
 * Keeps the files of every multipart upload the page sends (call before navigating), so a
 * test can read what the widget sent byte for byte and compare it with what the sandbox
 * received (its SHA-256). It only observes: the upload goes out unchanged.
 */
export async function recordSentFiles(page: Page): Promise<SentFiles> {
  await page.addInitScript(() => {
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
      if (body instanceof FormData) {
        (window as unknown as { __sentFiles: FormDataEntryValue[] }).__sentFiles =
          body.getAll("attachments");
      }
      return send.call(this, body);
    };
  });
  return {
    list: () =>
      page.evaluate(async () => {
        const sent = (window as unknown as { __sentFiles?: File[] }).__sentFiles ?? [];
        return Promise.all(
          sent.map(async (file) => {
            const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
            const hex = [...new Uint8Array(digest)]
              .map((b) => b.toString(16).padStart(2, "0"))
              .join("");
            const head = [...new Uint8Array(await file.slice(0, 16).arrayBuffer())];
            return { name: file.name, size: file.size, type: file.type, sha256: hex, head };
          }),
        );
      }),
    bytes: async (index, length) =>
      Uint8Array.from(
        await page.evaluate(
          async ({ index, length }) => {
            const file = (window as unknown as { __sentFiles?: File[] }).__sentFiles?.[index];
            if (!file) throw new Error(`No attachment ${index} was sent.`);
            return [...new Uint8Array(await file.slice(0, length).arrayBuffer())];
          },
          { index, length },
        ),
      ),
    pngSize: (index) =>
      page.evaluate(async (i) => {
        const file = (window as unknown as { __sentFiles?: File[] }).__sentFiles?.[i];
        if (!file) throw new Error(`No attachment ${i} was sent.`);
        const bitmap = await createImageBitmap(file);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        canvas.getContext("2d")?.drawImage(bitmap, 0, 0);
        return (await canvas.convertToBlob({ type: "image/png" })).size;
      }, index),
    pixels: (index, points) =>
      page.evaluate(
        async ({ index, points }) => {
          const file = (window as unknown as { __sentFiles?: File[] }).__sentFiles?.[index];
          if (!file) throw new Error(`No attachment ${index} was sent.`);
          const bitmap = await createImageBitmap(file);
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext("2d");
          if (!context) throw new Error("No 2D context.");
          context.drawImage(bitmap, 0, 0);
          return {
            width: bitmap.width,
            height: bitmap.height,
            rgba: points.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data]),
          };
        },
        { index, points: points.map(([x, y]) => [x, y] as [number, number]) },
      ),
  };
}
