import { useId, useRef, useState } from "react";
import { useMessages } from "../messages/useMessages.ts";
import { DetailsList } from "./DetailsList.tsx";
import { loadDetails, type Gathering } from "./loadDetails.ts";
import type { TechnicalDetails as Details } from "./useTechnicalDetails.ts";

/**
 * "Technical details" under the description: a collapsed disclosure listing each item the
 * ticket will carry, each removable (DetailsList), and the checkbox "Include technical
 * details". Nothing about the page is read until the list is opened; the code that reads
 * it loads on intent (loadDetails).
 */
export function TechnicalDetails(props: { details: Details; disabled: boolean }) {
  const { messages } = useMessages();
  const text = messages.details;
  const { details } = props;
  const [expanded, setExpanded] = useState(false);
  const [gathering, setGathering] = useState<Gathering | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const id = useId();
  const load = (): void => {
    if (!gathering) {
      loadDetails().then(
        (chunk) => setGathering(chunk),
        () => undefined, // the next intent tries again
      );
    }
  };

  if (!details.enabled) return null;
  const { include, removed } = details.choices;
  return (
    <div className="rhw-details">
      <div className="rhw-details-head">
        <button
          ref={toggle}
          type="button"
          className="rhw-disclosure"
          aria-expanded={expanded}
          aria-controls={`${id}-panel`}
          onPointerEnter={load}
          onFocus={load}
          onClick={() => {
            load();
            setExpanded(!expanded);
          }}
        >
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
      <div id={`${id}-panel`} className="rhw-details-panel" hidden={!expanded}>
        <p className="rhw-hint">{text.hint}</p>
        {!include ? (
          <p className="rhw-muted">{text.excluded}</p>
        ) : expanded && gathering ? (
          <DetailsList
            rows={gathering.previewRows(details.host)}
            text={text}
            removed={removed}
            disabled={props.disabled}
            onRemove={details.remove}
            onEmptied={() => toggle.current?.focus()}
          />
        ) : null}
      </div>
    </div>
  );
}
