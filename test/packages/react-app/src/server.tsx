import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { App, type AppProps } from "./App.tsx";

/** Server rendering, as a Next.js or Remix server does it: Node, no window, no document. */
export function render(props: AppProps): string {
  return renderToString(
    <StrictMode>
      <App {...props} />
    </StrictMode>,
  );
}
