import { formatPercent } from "../messages/index.ts";
import { useMessages } from "../messages/useMessages.ts";

/** Upload progress of the ticket being sent, as a progressbar with its percent, and Cancel. */
export function UploadProgress(props: { percent: number; onCancel(): void }) {
  const { messages, locale } = useMessages();
  const percentText = formatPercent(props.percent, locale);
  return (
    <div className="rhw-upload">
      <div className="rhw-upload-row">
        <span className="rhw-upload-label">
          {props.percent >= 100 ? messages.sendingWaiting : messages.sending}
        </span>
        <span className="rhw-upload-percent" aria-hidden="true">
          {percentText}
        </span>
      </div>
      <div
        className="rhw-progress"
        role="progressbar"
        aria-label={messages.uploadLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={props.percent}
        aria-valuetext={percentText}
      >
        <div className="rhw-progress-bar" style={{ width: `${props.percent}%` }} />
      </div>
      <button type="button" className="rhw-secondary" onClick={props.onCancel}>
        {messages.cancel}
      </button>
    </div>
  );
}
