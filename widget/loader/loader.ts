/**
 * The script-tag entry (`/help-widget.js`): a few KB with no React. It defines
 * `window.RipioHelp`, draws the launcher in an open shadow root, and loads the app chunk
 * only when the user shows intent (hover or focus prefetches, click loads). A failure
 * to load shows a retry and never throws into the host page.
 */
import type { HelpWidgetOptions } from "../app/HelpWidgetOptions.ts";
import type { MountApp, QueuedHandle, RipioHelpGlobal, WidgetHandle } from "../embed/embedTypes.ts";
import { launcherMessages } from "../shell/launcherMessages.ts";
import { loaderCss } from "../shell/loaderCss.ts";
import { optionsFromScript } from "./optionsFromScript.ts";
import { injectStyles } from "../shell/injectStyles.ts";
import { resolveLocale } from "../messages/resolveLocale.ts";
import { clearStored } from "../storage/sessionStore.ts";
import { withoutGivenToken } from "../embed/withoutGivenToken.ts";

/** The app chunk's path relative to this script, written in at build time. */
declare const __APP_CHUNK__: string;
declare const __VERSION__: string;

const script = document.currentScript as HTMLScriptElement | null;
const scriptUrl = script?.src || location.href;
let app: Promise<MountApp> | null = null;
let failures = 0;

function loadApp(): Promise<MountApp> {
  // A failed import() stays failed in the module map, so a retry asks for a fresh URL.
  const url = new URL(__APP_CHUNK__, scriptUrl);
  if (failures) url.searchParams.set("retry", String(failures));
  app ??= import(/* @vite-ignore */ url.href).then(
    (chunk: { mountApp: MountApp }) => chunk.mountApp,
    (error: unknown) => {
      app = null;
      failures += 1;
      throw error;
    },
  );
  return app;
}

function mount(given: HelpWidgetOptions): WidgetHandle {
  // The API lives where this script came from unless the host says otherwise.
  let options: HelpWidgetOptions = { apiBase: new URL(scriptUrl).origin, ...given };
  const host = document.createElement("div");
  host.setAttribute("data-ripio-help", "");
  const root = host.attachShadow({ mode: "open" });
  const text = launcherMessages[resolveLocale(options.locale, navigator.language)];
  const floating = !options.target;
  const wrap = document.createElement("div");
  // The theme picks the launcher's default colours, as it does the app's (loaderCss).
  wrap.className = `l ${options.theme ?? "auto"}${options.position === "bottom-left" ? " left" : ""}`;
  let handle: WidgetHandle | null = null;
  let wantOpen = false;
  let gone = false;

  let mounting: Promise<void> | null = null;
  const start = (open: boolean): void => {
    wantOpen = open;
    mounting ??= loadApp()
      .then((mountApp) => mountApp({ shadowRoot: root, options, open: wantOpen }))
      .then(
        (mounted) => {
          if (gone) return mounted.unmount();
          handle = mounted;
          wrap.remove();
          if (!wantOpen) mounted.close();
        },
        () => {
          mounting = null;
          if (!gone) showFailure();
        },
      );
  };

  const showFailure = (): void => {
    const box = document.createElement("div");
    box.className = "e";
    box.setAttribute("role", "alert");
    box.textContent = text.loadFailed;
    const retry = document.createElement("button");
    retry.type = "button";
    retry.textContent = text.retry;
    retry.onclick = () => {
      box.remove();
      start(true);
    };
    box.append(retry);
    wrap.prepend(box);
    if (!wrap.isConnected) root.append(wrap);
  };

  injectStyles(root, loaderCss, options.nonce);
  if (floating && options.launcher !== false) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text.launcher;
    button.setAttribute("aria-haspopup", "dialog");
    const prefetch = (): void => void loadApp().catch(() => undefined);
    button.onpointerenter = prefetch;
    button.onfocus = prefetch;
    button.onclick = () => start(true);
    wrap.append(button);
    root.append(wrap);
  }
  (options.target ?? document.body).append(host);
  // Inline forms are visible at once, so they load at once.
  if (!floating) start(true);

  return {
    open: () => (handle ? handle.open() : start(true)),
    close: () => (handle ? handle.close() : (wantOpen = false)),
    // Before the app has loaded, the options it will start with are changed instead.
    update: (next) => {
      options = { ...options, ...next };
      handle?.update(next);
    },
    reset: () => {
      options = withoutGivenToken(options);
      if (handle) handle.reset();
      else clearStored();
    },
    unmount: () => {
      gone = true;
      handle?.unmount();
      host.remove();
    },
  };
}

function install(): void {
  const existing = (window as { RipioHelp?: RipioHelpGlobal }).RipioHelp;
  const api: RipioHelpGlobal = { mount, version: __VERSION__ };
  (window as { RipioHelp?: RipioHelpGlobal }).RipioHelp = api;
  // Replay what the host page asked for before this script ran: each queued mount gets a
  // real handle, and the stand-in handle it was given forwards to it from now on.
  for (const [options, stub] of existing?.q ?? []) replay(mount(options), stub);
  const fromScript = script && optionsFromScript(script);
  if (fromScript) mount(fromScript);
}

function replay(real: WidgetHandle, stub: QueuedHandle): void {
  const queued = stub.q ?? [];
  // Every command of the stand-in forwards to the real handle from now on.
  Object.assign(stub, real);
  for (const command of queued) real[command]();
}

try {
  install();
} catch (error) {
  // Never break the host page; say why in the console for its developers.
  console.error("[RipioHelp] could not start:", error);
}
