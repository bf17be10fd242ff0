import { useLayoutEffect, useRef, useState } from "react";
import { Icon } from "../ui/Icon.tsx";
import { fill } from "../messages/fill.ts";
import type { TechnicalDetailsMessages } from "../messages/Messages.ts";
import type { DetailRow } from "./collectContext.ts";

/** What the open disclosure's list needs. */
export interface DetailsListProps {
  /** Every row gathered for the preview, removed ones included. */
  rows: readonly DetailRow[];
  /** The locale's strings (passed in: this chunk does not load the catalogue). */
  text: TechnicalDetailsMessages;
  removed: readonly string[];
  disabled: boolean;
  onRemove(id: string): void;
  /** Where focus goes when the last row is removed (the disclosure's button). */
  onEmptied(): void;
}

/**
 * The items the ticket will carry, as label and value (a preview: what is sent is read again
 * at Send), each with a Remove button named after it. Values are text, never
 * markup. Focus moves to the next row's Remove button after a removal.
 */
export function DetailsList(props: DetailsListProps) {
  const { text } = props;
  const [announcement, setAnnouncement] = useState("");
  const list = useRef<HTMLUListElement>(null);
  const focusNext = useRef<number | null>(null);
  const shown = props.rows.filter((row) => !props.removed.includes(row.id));
  const label = (row: DetailRow): string => (row.item ? text.items[row.item] : row.key);

  const { onEmptied } = props;
  useLayoutEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    focusNext.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
    const next = buttons[Math.min(index, buttons.length - 1)];
    if (next) next.focus();
    else onEmptied();
  });

  return (
    <>
      {shown.length === 0 ? (
        <p className="rhw-muted">{text.empty}</p>
      ) : (
        <ul ref={list} className="rhw-details-list">
          {shown.map((row, index) => (
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
                  props.onRemove(row.id);
                }}
              >
                <Icon name="close" size={18} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="rhw-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
