import type { Messages } from "../Messages.ts";

/** English. The fixed accessible names (docs/architecture.md, "Fixed names") come from here. */
export const en: Messages = {
  launcher: "Help",
  launcherRecording: "Help — recording",
  dialogTitle: "Contact support",
  yourTickets: "Your tickets",
  intro: "Tell us what went wrong and we'll open a ticket with the support team.",
  close: "Close",

  summaryLabel: "Summary",
  summaryHint: "One line about the problem.",
  descriptionLabel: "Description",
  descriptionHint: "What did you do, what did you expect, and what happened instead?",
  counter: "{count} / {max}",

  attachmentsLabel: "Attachments",
  attachmentsHint:
    "Optional. Types: {types}. Up to {maxFiles} files, {maxFileSize} each, {maxTotalSize} in all.",
  dropzoneText: "Drop screenshots or videos here, paste them, or click to choose files.",
  dropzoneActive: "Release to attach the files.",
  totals: "{count} of {maxFiles} files · {size} of {maxTotalSize}",
  removeFile: "Remove {name}",
  dismissFile: "Dismiss {name}",
  fileNotAttached: "Not attached: {reason}",
  fileAttached: "{name} attached.",
  fileRefused: "{name} was not attached: {reason}",
  fileReasons: {
    FILE_TYPE_NOT_ALLOWED: "this file type is not accepted",
    FILE_TOO_LARGE: "the file is larger than {maxFileSize}",
    FILE_CONTENT_MISMATCH: "its contents do not match its type",
    TOO_MANY_FILES: "only {maxFiles} files can be attached",
    ATTACHMENTS_TOO_LARGE: "all files together would be over {maxTotalSize}",
  },
  takeScreenshot: "Take screenshot",
  recordScreen: "Record screen",
  details: {
    title: "Technical details",
    include: "Include technical details",
    hint: "Sent with your ticket so the support team can see where the problem happened. Read when you press Send; remove anything you prefer not to share.",
    excluded: "No technical details will be sent.",
    empty: "You removed every item: nothing technical will be sent.",
    remove: "Remove {name}",
    removed: "{name} removed.",
    items: {
      page: "Page",
      browser: "Browser",
      os: "Operating system",
      viewport: "Window size",
      language: "Language",
      timeZone: "Time zone",
      widget: "Widget version",
    },
  },

  send: "Send",
  sending: "Sending…",
  sendingWaiting: "Sent. Waiting for confirmation…",
  uploadLabel: "Upload progress",
  cancel: "Cancel",
  cancelled: "Sending was cancelled. Your text and files are still here.",
  retry: "Retry",
  loadFailed: "Help could not be loaded.",
  resumeNeedsFiles:
    "The page was reloaded, so your files were not kept. Add them again, then send.",

  statusPending: "We're registering your ticket…",
  statusPendingDetail: "This usually takes a few seconds. You can close this window.",
  statusCreated: "Your ticket is registered.",
  issueKeyLabel: "Ticket number",
  emailNote:
    "Ripio's support team will reply by email to the address on file for your account. Replies do not come through this window.",
  statusFailed: "We couldn't register your ticket.",
  statusFailedDetail: "Nothing was filed. You can send the same message again.",
  statusTrouble: "We're having trouble checking your ticket. Still trying…",
  tryAgain: "Try again",
  sendAnother: "Send another",
  copy: "Copy",
  copied: "Copied",

  networkError: "We couldn't reach the server. Check your connection and try again.",
  errors: {
    SUMMARY_REQUIRED: "Write a short summary.",
    DESCRIPTION_REQUIRED: "Describe what happened.",
    SUMMARY_TOO_LONG: "The summary is too long. Shorten it until the counter is within the limit.",
    DESCRIPTION_TOO_LONG:
      "The description is too long. Shorten it until the counter is within the limit.",
    TOO_MANY_FILES: "Too many files are attached. Remove some, then send again.",
    FILE_TYPE_NOT_ALLOWED: "This type of file cannot be attached. Use images, videos or PDF files.",
    FILE_CONTENT_MISMATCH:
      "A file's contents do not match its type. Remove it or attach the original file.",
    FILE_TOO_LARGE: "A file is too large. Remove it or attach a smaller one.",
    ATTACHMENTS_TOO_LARGE: "The files are too large together. Remove one or more, then send again.",
    MALFORMED_REQUEST: "Your ticket could not be read by the server. Please try again.",
    IDENTITY_REQUIRED: "We couldn't tell who you are. Sign in again, then send.",
    IDENTITY_INVALID: "Your session is not valid. Sign in again, then send.",
    IDENTITY_EXPIRED: "Your session has expired. Reload the page or sign in again, then send.",
    ORIGIN_NOT_ALLOWED:
      "This website is not allowed to send support tickets. Please tell the site's owner.",
    TICKETS_DISABLED:
      "Support tickets are not available for this account yet. Please use the site's other contact options for now; your message is kept here.",
    CUSTOMER_NOT_FOUND:
      "We couldn't find your customer account. Sign out and in again, or use the site's other contact options.",
    CUSTOMER_EMAIL_MISSING:
      "Your account has no email address, and support replies by email. Add an email address in your account settings, then send again.",
    TICKET_NOT_FOUND: "We couldn't find this ticket. If you still need help, send a new one.",
    RATE_LIMITED: "Too many requests were sent. Wait a moment, then try again.",
    REQUEST_TIMEOUT:
      "The connection stopped sending your ticket. Check that you are online, then send again.",
    UPSTREAM_UNAVAILABLE: "The support service is not answering right now. Try again in a moment.",
    UPSTREAM_ERROR: "The support service answered with an error. Try again in a moment.",
    INTERNAL_ERROR:
      "Something went wrong on our side. Nothing was lost here; try again in a moment.",
    STORE_UNAVAILABLE:
      "Support is briefly unavailable and nothing was sent. Try again in a moment.",
  },
};
