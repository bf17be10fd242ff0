import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { CharCounter } from "./CharCounter.tsx";

/**
 * A labelled text input or textarea with its hint, live counter and error. The error
 * sits under the field, is tied to it with `aria-describedby` and `aria-invalid`, and is
 * announced when it appears. No `maxlength`: it counts UTF-16 units and would cut text;
 * going over is shown instead, and nothing typed is lost.
 */
export function TextField(props: {
  label: string;
  hint: string;
  multiline?: boolean;
  registration: UseFormRegisterReturn;
  count: number;
  max: number;
  error: string | null;
  /** Marks the element the dialog focuses when it opens. */
  autoFocusTarget?: boolean;
}) {
  const id = useId();
  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, counterId, props.error === null ? null : errorId]
    .filter(Boolean)
    .join(" ");
  const common = {
    ...props.registration,
    id: inputId,
    className: "rhw-input",
    "aria-describedby": describedBy,
    "aria-invalid": props.error !== null,
    ...(props.autoFocusTarget ? { "data-autofocus": "" } : {}),
  };

  return (
    <div className="rhw-field">
      <label className="rhw-label" htmlFor={inputId}>
        {props.label}
      </label>
      <p id={hintId} className="rhw-hint">
        {props.hint}
      </p>
      {props.multiline ? (
        <textarea {...common} rows={6} />
      ) : (
        <input {...common} type="text" autoComplete="off" />
      )}
      <div className="rhw-field-foot">
        {props.error === null ? (
          <span />
        ) : (
          <p id={errorId} className="rhw-error" role="alert">
            {props.error}
          </p>
        )}
        <CharCounter id={counterId} count={props.count} max={props.max} />
      </div>
    </div>
  );
}
