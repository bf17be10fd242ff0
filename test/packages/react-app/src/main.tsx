import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { App, type AppProps } from "./App.tsx";

declare global {
  interface Window {
    __APP_PROPS__: AppProps;
  }
}

// The server rendered <App> into #root (src/server.tsx); this hydrates it.
hydrateRoot(
  document.getElementById("root") as HTMLElement,
  <StrictMode>
    <App {...window.__APP_PROPS__} />
  </StrictMode>,
);
