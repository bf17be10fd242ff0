import type { ContextItem, ErrorCode, FileRejectionCode } from "../../contract/index.ts";

/** Codes a single file can be refused for; each has a short reason shown beside the file. */
export type { FileRejectionCode };

/**
 * Every string the widget shows or announces, for one locale. `{name}` placeholders are
 * filled by `fill()`; limits are never written here but passed in from contract/.
 */
export interface Messages {
  /** The launcher button; its English text is the fixed accessible name "Help". */
  launcher: string;
  /** The launcher while a screen recording runs (shown and spoken: "Help — recording"). */
  launcherRecording: string;
  /** The dialog's heading and accessible name ("Contact support"). */
  dialogTitle: string;
  intro: string;
  close: string;
  /** The button that opens the customer's list; fixed English name "Your tickets". */
  yourTickets: string;

  summaryLabel: string;
  summaryHint: string;
  descriptionLabel: string;
  descriptionHint: string;
  /** `{count}`, `{max}`: characters used and allowed. */
  counter: string;

  attachmentsLabel: string;
  /** `{types}`, `{maxFiles}`, `{maxFileSize}`, `{maxTotalSize}`. */
  attachmentsHint: string;
  dropzoneText: string;
  dropzoneActive: string;
  /** `{count}`, `{maxFiles}`, `{size}`, `{maxTotalSize}`. */
  totals: string;
  /** `{name}` */
  removeFile: string;
  /** `{name}`: for a refused file, which is only listed. */
  dismissFile: string;
  /** `{reason}` */
  fileNotAttached: string;
  /** `{name}`: announced when a file is added. */
  fileAttached: string;
  /** `{name}`, `{reason}`: announced when a file is refused, and under the field. */
  fileRefused: string;
  fileReasons: Record<FileRejectionCode, string>;
  /** Screen capture's two buttons (the rest of its text loads with it: CaptureMessages). */
  takeScreenshot: string;
  recordScreen: string;
  /** The "Technical details" disclosure under the description (widget/context/). */
  details: TechnicalDetailsMessages;

  send: string;
  sending: string;
  /** Every byte is sent; the proxy and Ripio have not answered yet. */
  sendingWaiting: string;
  uploadLabel: string;
  cancel: string;
  cancelled: string;
  retry: string;
  /** The loader's line when the form could not be loaded (beside Retry). */
  loadFailed: string;
  resumeNeedsFiles: string;

  statusPending: string;
  statusPendingDetail: string;
  statusCreated: string;
  issueKeyLabel: string;
  emailNote: string;
  statusFailed: string;
  statusFailedDetail: string;
  statusTrouble: string;
  tryAgain: string;
  sendAnother: string;
  copy: string;
  copied: string;

  networkError: string;
  /** One message per error code of contract/; a new code does not compile without one. */
  errors: Record<ErrorCode, string>;
}

/** The technical details' strings; `title` and `include` are fixed accessible names in English. */
export interface TechnicalDetailsMessages {
  /** The disclosure's button: "Technical details". */
  title: string;
  /** The checkbox: "Include technical details". */
  include: string;
  /** Under the title, once expanded: what this is and that it is read at Send. */
  hint: string;
  /** Shown instead of the list while the checkbox is off. */
  excluded: string;
  /** Every item was removed. */
  empty: string;
  /** `{name}`: a Remove button's accessible name ("Remove Browser"). */
  remove: string;
  /** `{name}`: announced once the item is removed. */
  removed: string;
  /** The gathered items' labels. */
  items: Record<ContextItem, string>;
}

/**
 * The screen capture's strings (widget/capture/). Kept apart from `Messages` because they
 * load with the capture code on first use, not with every first open of the widget.
 */
export interface CaptureMessages {
  /** While the browser asks what to share. */
  choosing: string;
  /** The user (or the page's policy) refused: said calmly, this is not an error. */
  refused: string;
  failed: string;
  /** `{reason}`: one of `fileReasons`, filled with the limits. */
  noRoom: string;

  /** The editor's group label. */
  editorLabel: string;
  /** `{width}`, `{height}`: the picture, as the focusable editing surface is named. */
  imageLabel: string;
  editorHelp: string;
  toolLabel: string;
  crop: string;
  blackOut: string;
  applyCrop: string;
  applyBlackOut: string;
  undo: string;
  /** The fixed button name "Attach screenshot". */
  attach: string;
  discard: string;
  /** `{x}`, `{y}`, `{width}`, `{height}` in pixels of the picture. */
  selection: string;
  /** `{width}`, `{height}` */
  cropped: string;
  blackedOut: string;
  undone: string;
  discarded: string;
  /** Send was pressed with the editor open: the picture may still need blacking out. */
  finishScreenshot: string;

  recording: string;
  recordingStarted: string;
  /** `{time}`: announced once a minute while recording. */
  recordingTime: string;
  /** `{size}`, `{room}`: recorded so far, and what the attachments still have room for. */
  recordingSize: string;
  sizeLabel: string;
  /** The fixed button name "Stop recording". */
  stop: string;
  /** `{time}` */
  stoppedByUser: string;
  /** `{time}`: Send was pressed while recording; the recording goes with the ticket. */
  stoppedToSend: string;
  /** `{time}`: stopped by itself before the file would break a size rule. */
  stoppedAtLimit: string;
  /** `{time}`: the user ended sharing from the browser's own controls. */
  stoppedSharing: string;
  nothingRecorded: string;
  recordingFailed: string;
}
