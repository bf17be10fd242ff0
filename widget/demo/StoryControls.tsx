import type { ReactElement } from "react";
import type { HelpWidgetOptions } from "../app/HelpWidgetOptions.ts";

/** What the controls panel overrides on the current story, live. */
export type Controls = Partial<Pick<HelpWidgetOptions, "locale" | "theme" | "position">>;

const choices = {
  locale: ["en", "es", "pt"],
  theme: ["light", "dark", "auto"],
  position: ["bottom-right", "bottom-left"],
} as const;

/** Locale, theme and position selectors for the gallery's toolbar. */
export function StoryControls(props: {
  value: Controls;
  onChange(next: Controls): void;
}): ReactElement {
  return (
    <fieldset className="controls">
      <legend>Controls</legend>
      {(Object.keys(choices) as (keyof typeof choices)[]).map((key) => (
        <label key={key}>
          {key}{" "}
          <select
            value={props.value[key] ?? ""}
            onChange={(event) => {
              const next: Controls = { ...props.value };
              if (event.target.value) Object.assign(next, { [key]: event.target.value });
              else delete next[key];
              props.onChange(next);
            }}
          >
            <option value="">story default</option>
            {choices[key].map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
