import { useId, useLayoutEffect, useRef, useState } from "react";
import { Icon } from "../ui/Icon.tsx";
import { fill } from "../messages/index.ts";
import { useMessages } from "../messages/useMessages.ts";
import { detailRows, type DetailRow } from "./collectContext.ts";
import type { TechnicalDetails as Details } from "./useTechnicalDetails.ts";

/**
 * "Technical details" under the description: a collapsed disclosure listing each item the
 * ticket will carry (label and value; a preview — the values sent are read at Send), each
 * with a Remove button, and the checkbox "Include technical details". Values are shown as
 * text, never as markup.
 */
export function TechnicalDetails(props: { details: Details; disabled: boolean }) {
  const { messages } = useMessages();
  const text = messages.details;
  const { details } = props;
  const [expanded, setExpanded] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  // After a removal, focus goes to the next row's Remove button (else the previous, else the toggle).
  const focusNext = useRef<number | null>(null);

  const { include, removed } = details.choices;
  // Read only while open: nothing about the page is looked at before the user asks or sends.
  const rows =
    expanded && include
      ? detailRows(details.preview()).filter((row) => !removed.includes(row.id))
      : [];
  const label = (row: DetailRow): string => (row.item ? text.items[row.item] : row.key);

  useLayoutEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    focusNext.current = null;
    const buttons = panel.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? toggle.current)?.focus();
  });

  if (!details.enabled) return null;
  return (
    <div className="rhw-details">
      <div className="rhw-details-head">
        <button
          ref={toggle}
          type="button"
          className="rhw-disclosure"
          aria-expanded={expanded}
          aria-controls={`${id}-panel`}
          onClick={() => setExpanded(!expanded)}
        >
          <span className="rhw-disclosure-mark" aria-hidden="true">
            {expanded ? "\u25be" : "\u25b8"}
          </span>
          {text.title}
        </button>
        <label className="rhw-check">
          <input
            type="checkbox"
            checked={include}
            disabled={props.disabled}
            onChange={(event) => details.setInclude(event.currentTarget.checked)}
          />
          {text.include}
        </label>
      </div>
      <div id={`${id}-panel`} ref={panel} className="rhw-details-panel" hidden={!expanded}>
        <p className="rhw-hint">{text.hint}</p>
        {!include ? (
          <p className="rhw-muted">{text.excluded}</p>
        ) : rows.length === 0 ? (
          <p className="rhw-muted">{text.empty}</p>
        ) : (
          <ul className="rhw-details-list">
            {rows.map((row, index) => (
              <li key={row.id} className="rhw-details-row">
                <span className="rhw-details-text">
                  <span className="rhw-details-label">{label(row)}</span>
                  <span className="rhw-details-value">{row.value}</span>
                </span>
                <button
                  type="button"
                  className="rhw-icon-button"
                  aria-label={fill(text.remove, { name: label(row) })}
                  aria-disabled={props.disabled}
                  onClick={() => {
                    if (props.disabled) return;
                    focusNext.current = index;
                    setAnnouncement(fill(text.removed, { name: label(row) }));
                    details.remove(row.id);
                  }}
                >
                  <Icon name="close" size={18} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="rhw-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
