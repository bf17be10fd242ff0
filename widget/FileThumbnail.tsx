import { useEffect, useState } from "react";
import { Icon } from "./Icon.tsx";

// Some environments (old WebViews, test DOMs) have no object URLs for File; the file
// then shows with an icon instead of a preview.
function objectUrlFor(file: File): string | null {
  try {
    return typeof URL.createObjectURL === "function" ? URL.createObjectURL(file) : null;
  } catch {
    return null;
  }
}

/** A small preview for an image, an icon for anything else; the object URL is revoked on unmount. */
export function FileThumbnail({ file }: { file: File }) {
  const [url, setUrl] = useState<string | null>(null);
  const isImage = file.type.startsWith("image/");
  useEffect(() => {
    if (!isImage) return;
    const created = objectUrlFor(file);
    setUrl(created);
    return () => {
      if (created !== null) URL.revokeObjectURL(created);
    };
  }, [file, isImage]);

  if (url !== null) return <img className="rhw-thumb" src={url} alt="" />;
  return (
    <span className="rhw-thumb rhw-thumb-icon">
      <Icon name={file.type.startsWith("video/") ? "video" : "file"} />
    </span>
  );
}
