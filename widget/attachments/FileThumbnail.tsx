import { useEffect, useRef, useState } from "react";
import { Icon } from "../ui/Icon.tsx";

const SIZE = 40;
const SCALE = 2; // sharp on high-density screens

/**
 * A small preview for an image, an icon for anything else. The preview is drawn on a
 * canvas from the file's bytes: an `<img src="blob:…">` would need `img-src blob:` in the
 * host page's Content-Security-Policy, which a strict `default-src 'self'` page does not
 * grant. Where `createImageBitmap` is missing (old browsers, test DOMs) the icon shows.
 */
export function FileThumbnail({ file }: { file: File }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const isImage = file.type.startsWith("image/");

  useEffect(() => {
    if (!isImage || typeof createImageBitmap !== "function") return;
    let live = true;
    createImageBitmap(file)
      .then((bitmap) => {
        const context = canvas.current?.getContext("2d");
        if (live && context) {
          // Cover the square, like `object-fit: cover`.
          const side = Math.min(bitmap.width, bitmap.height);
          const sx = (bitmap.width - side) / 2;
          const sy = (bitmap.height - side) / 2;
          context.drawImage(bitmap, sx, sy, side, side, 0, 0, SIZE * SCALE, SIZE * SCALE);
          setDrawn(true);
        }
        bitmap.close();
      })
      // Not decodable (e.g. bytes that are not what the name says): keep the icon.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [file, isImage]);

  return (
    <>
      <canvas
        ref={canvas}
        className="rhw-thumb"
        width={SIZE * SCALE}
        height={SIZE * SCALE}
        hidden={!drawn}
        aria-hidden="true"
      />
      {!drawn && (
        <span className="rhw-thumb rhw-thumb-icon">
          <Icon name={file.type.startsWith("video/") ? "video" : "file"} />
        </span>
      )}
    </>
  );
}
