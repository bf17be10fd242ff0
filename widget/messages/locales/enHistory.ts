import type { HistoryMessages } from "../HistoryMessages.ts";

/** English; the fixed accessible names of the list come from here. */
export const enHistory: HistoryMessages = {
  heading: "Your tickets",
  back: "Back",
  loading: "Loading your tickets…",
  empty: "You haven't sent any tickets yet. Those you send will be listed here.",
  loadFailed: "Your tickets can't be shown right now. Nothing is lost; try again in a moment.",
  showMore: "Show more",
  sent: "Sent {time}",
  files: "{count} files",
  pending: "Being registered…",
  created: "Registered",
  failed: "Not registered",
  sendAgain: "Send again",
  remove: "Remove from list",
  confirmRemove: "Remove “{summary}” from your list? The ticket itself is not cancelled.",
  confirmYes: "Remove",
  confirmNo: "Keep",
  removed: "Removed from your list.",
  removeFailed: "It couldn't be removed. Try again in a moment.",
};
