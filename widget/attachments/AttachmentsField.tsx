import { useCallback, useId, useState, type KeyboardEvent, type RefObject } from "react";
import { useDropzone } from "react-dropzone";
import { CaptureButtons } from "../capture/CaptureButtons.tsx";
import { TICKET_LIMITS, acceptMap } from "../../contract/index.ts";
import { FileList } from "./FileList.tsx";
import { Icon } from "../ui/Icon.tsx";
import type { Attachments } from "./Attachments.ts";
import { fill, formatBytes, limitValues } from "../messages/index.ts";
import { useMessages } from "../messages/useMessages.ts";
import { usePasteFiles } from "./usePasteFiles.ts";

// For the file picker's filter only; every file is still judged by the contract, since a
// picker can be told "all files" and drops and pastes bypass it.
const ACCEPT = [...new Set(Object.entries(acceptMap()).flat(2))].join(",");

/**
 * The Attachments field: a dropzone that takes files by click, keyboard (Enter or Space
 * on the file input, which is the field's one control, labelled "Attachments"), drag and
 * drop, and paste anywhere in the widget. Lists each file and the totals.
 */
export function AttachmentsField(props: {
  attachments: Attachments;
  error: string | null;
  disabled: boolean;
  pasteRoot: RefObject<HTMLElement | null>;
}) {
  const { messages, locale } = useMessages();
  const { attachments, disabled } = props;
  const id = useId();
  const [announcement, setAnnouncement] = useState("");
  const limits = limitValues(locale);

  // True when every file was attached (a capture needs to know whether its file was).
  const addFiles = useCallback(
    (files: File[]): boolean => {
      if (disabled || files.length === 0) return false;
      const judged = attachments.add(files);
      setAnnouncement(
        judged
          .map(({ file, rejection }) =>
            rejection
              ? fill(messages.fileRefused, {
                  name: file.name,
                  reason: fill(messages.fileReasons[rejection], limits),
                })
              : fill(messages.fileAttached, { name: file.name }),
          )
          .join(" "),
      );
      return judged.every(({ rejection }) => rejection === null);
    },
    [attachments, disabled, messages, limits],
  );

  const { getRootProps, getInputProps, isDragActive, open, inputRef } = useDropzone({
    // react-dropzone's own judging is bypassed: with no `accept`, everything arrives in
    // the first argument, and contract rules judge it (see judgeFiles).
    onDrop: (accepted, refused) => addFiles([...accepted, ...refused.map((r) => r.file)]),
    noKeyboard: true,
    disabled,
    multiple: true,
  });
  usePasteFiles(props.pasteRoot, addFiles, !disabled);

  // After a capture, focus goes back to the field's one control, where the file now shows.
  const returnFocus = useCallback(() => inputRef.current?.focus(), [inputRef]);

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    // Browsers differ on whether Enter opens a file input; make Enter and Space both do.
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    open();
  };

  const total = attachments.files.reduce((sum, file) => sum + file.size, 0);
  const ids = {
    zone: `${id}-zone`,
    hint: `${id}-hint`,
    totals: `${id}-totals`,
    error: `${id}-error`,
  };
  const describedBy = [ids.zone, ids.hint, ids.totals, props.error === null ? null : ids.error]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="rhw-field">
      <label
        className="rhw-label"
        htmlFor={`${id}-input`}
        onClick={(event) => {
          // Through open() so the input is emptied first: re-adding a removed file works.
          event.preventDefault();
          if (!disabled) open();
        }}
      >
        {messages.attachmentsLabel}
      </label>
      <div
        {...getRootProps({
          className: isDragActive ? "rhw-dropzone rhw-dropzone-active" : "rhw-dropzone",
          "aria-disabled": disabled,
        })}
      >
        <input
          {...getInputProps({
            id: `${id}-input`,
            tabIndex: 0,
            accept: ACCEPT,
            "aria-describedby": describedBy,
            "aria-invalid": props.error !== null,
            onKeyDown: onInputKeyDown,
          })}
        />
        <Icon name="upload" />
        <span id={ids.zone}>{isDragActive ? messages.dropzoneActive : messages.dropzoneText}</span>
      </div>
      <CaptureButtons
        files={attachments.files}
        onFiles={addFiles}
        onInProgress={attachments.setInProgress}
        disabled={disabled}
        returnFocus={returnFocus}
      />
      <p id={ids.hint} className="rhw-hint">
        {fill(messages.attachmentsHint, limits)}
      </p>
      <p id={ids.totals} className="rhw-totals">
        {fill(messages.totals, {
          count: attachments.files.length,
          maxFiles: TICKET_LIMITS.maxFiles,
          size: formatBytes(total, locale),
          maxTotalSize: limits.maxTotalSize,
        })}
      </p>
      {props.error === null ? null : (
        <p id={ids.error} className="rhw-error" role="alert">
          {props.error}
        </p>
      )}
      <FileList items={attachments.items} onRemove={attachments.remove} disabled={disabled} />
      <p className="rhw-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
