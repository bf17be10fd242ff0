import type { CaptureMessages } from "../Messages.ts";

/** English for the screen capture; the fixed button names (docs/architecture.md, "Fixed names") come from here. */
export const enCapture: CaptureMessages = {
  choosing: "Choose what to share in your browser's prompt.",
  refused: "Screen capture was not allowed, so nothing was captured. You can still attach files.",
  failed: "The screen could not be captured. You can still attach files.",
  noRoom: "Nothing was captured: {reason}. Remove a file to make room.",

  editorLabel: "Screenshot editor",
  imageLabel: "Screenshot, {width} × {height} pixels",
  editorHelp:
    "Drag over the picture, or use the arrow keys, to move the selection; Shift with the arrow keys resizes it. Enter crops to the selection or blacks it out, as the tool says.",
  toolLabel: "Tool",
  crop: "Crop",
  blackOut: "Black out",
  applyCrop: "Crop to selection",
  applyBlackOut: "Black out selection",
  undo: "Undo",
  attach: "Attach screenshot",
  discard: "Discard",
  selection: "Selection: {width} × {height} pixels at {x}, {y}.",
  cropped: "Cropped to {width} × {height} pixels.",
  blackedOut: "The selection is blacked out.",
  undone: "Last change undone.",
  discarded: "The screenshot was discarded.",
  finishScreenshot: "Attach or discard the screenshot first, then send.",

  recording: "Recording",
  recordingStarted: "Recording started. Press Stop recording when you are done.",
  recordingTime: "Recording for {time}.",
  recordingSize: "{size} of the {room} left",
  sizeLabel: "Recording size",
  stop: "Stop recording",
  stoppedByUser: "Recording stopped after {time}.",
  stoppedToSend: "Recording stopped after {time}, to go with your ticket.",
  stoppedAtLimit:
    "Recording stopped by itself after {time}: a longer one would not fit in the attachments.",
  stoppedSharing: "Recording stopped after {time}: screen sharing ended.",
  nothingRecorded: "Nothing was recorded. Try again, and keep sharing a little longer.",
  recordingFailed: "The recording failed. You can try again or attach files.",
};
