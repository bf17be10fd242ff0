import type { Attachment } from "./Attachments.ts";
import { FileThumbnail } from "./FileThumbnail.tsx";
import { Icon } from "../ui/Icon.tsx";
import { fill, formatBytes, limitValues } from "../messages/index.ts";
import { useMessages } from "../messages/useMessages.ts";

/**
 * The files offered so far: name, size, a preview for images and a remove button. A
 * refused file is listed with its reason (and a dismiss button); it is never sent.
 */
export function FileList(props: {
  items: readonly Attachment[];
  onRemove(id: string): void;
  disabled: boolean;
}) {
  const { messages, locale } = useMessages();
  if (props.items.length === 0) return null;
  const limits = limitValues(locale);
  return (
    <ul className="rhw-files">
      {props.items.map(({ id, file, rejection }) => (
        <li key={id} className={rejection ? "rhw-file rhw-file-refused" : "rhw-file"}>
          <FileThumbnail file={file} />
          <span className="rhw-file-text">
            <span className="rhw-file-name">{file.name}</span>
            <span className="rhw-file-meta">
              {formatBytes(file.size, locale, "up")}
              {rejection
                ? ` · ${fill(messages.fileNotAttached, { reason: fill(messages.fileReasons[rejection], limits) })}`
                : ""}
            </span>
          </span>
          <button
            type="button"
            className="rhw-icon-button"
            aria-label={fill(rejection ? messages.dismissFile : messages.removeFile, {
              name: file.name,
            })}
            aria-disabled={props.disabled}
            onClick={() => {
              if (!props.disabled) props.onRemove(id);
            }}
          >
            <Icon name="close" size={18} />
          </button>
        </li>
      ))}
    </ul>
  );
}
