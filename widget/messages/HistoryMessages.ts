/**
 * The strings of the customer's list (widget/history/). Kept apart from `Messages` because
 * they load with the list's chunk when it is first opened, not with every first open.
 */
export interface HistoryMessages {
  /** The list's heading: fixed English "Your tickets". */
  heading: string;
  /** Returns to the form: fixed English "Back". */
  back: string;
  loading: string;
  empty: string;
  /** The list could not be loaded (beside Retry): calm, nothing is lost. */
  loadFailed: string;
  /** Fixed English "Show more". */
  showMore: string;
  /** `{time}`: when the ticket was sent, relative ("2 hours ago"). */
  sent: string;
  /** `{count}` */
  files: string;
  pending: string;
  created: string;
  failed: string;
  /** Fixed English "Send again". */
  sendAgain: string;
  /** Fixed English "Remove from list". */
  remove: string;
  /** `{summary}`: the one confirmation asked before removing. */
  confirmRemove: string;
  confirmYes: string;
  confirmNo: string;
  removed: string;
  removeFailed: string;
}
