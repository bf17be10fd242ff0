import { useState, type ReactNode } from "react";

/** The host app's own page; `help` is where the widget goes (nothing in the baseline). */
export function Page(props: { help?: (log: (line: string) => void) => ReactNode }) {
  const [lines, setLines] = useState<string[]>([]);
  const log = (line: string) => setLines((previous) => [...previous, line]);
  return (
    <main>
      <h1>Scratch app</h1>
      <ul aria-label="Host log">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {props.help?.(log)}
    </main>
  );
}
