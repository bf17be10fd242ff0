import { useEffect, useState, type ComponentType } from "react";
import { createPortal } from "react-dom";
import type { HelpWidgetOptions, OpenStateProps } from "./HelpWidgetOptions.ts";
import { IntentLauncher, intentCss } from "./IntentLauncher.tsx";
import { loaderCss } from "../shell/loaderCss.ts";
import { useShadowStyles } from "../shell/useShadowStyles.ts";

/** Props of the public React component: the options plus open state (see HelpWidgetOptions). */
export type HelpWidgetProps = HelpWidgetOptions & OpenStateProps;

/**
 * The form and everything behind it, as the lazily loaded chunk exports it (HelpWidgetInShadow).
 * Spelled out here rather than imported, so the package's types name none of the form's
 * libraries, which are bundled, not installed.
 */
export type ShadowForm = ComponentType<HelpWidgetProps & { shadowRoot: ShadowRoot }>;

// attachShadow throws on an element that already has one (StrictMode's second effect run,
// a re-mount into the same target): reuse it.
function shadowOf(host: HTMLElement): ShadowRoot {
  return host.shadowRoot ?? host.attachShadow({ mode: "open" });
}

/**
 * Makes the `HelpWidget` component around `loadForm`, the form's dynamic import (a factory so
 * tests can hand in one that fails). The component renders a host element with an open shadow
 * root, so the host page's CSS does not reach in and ours does not leak out; with `target`,
 * the host element goes inside `target` and the widget is laid out inline there.
 *
 * Inside, it draws the script tag's launcher at once and imports the form only on intent:
 * pointer or focus on the launcher fetches it, a click opens it (the launcher is busy until
 * it arrives), and `inline`, `target`, `open` or `defaultOpen` load it at once. A chunk that
 * fails shows "Help could not be loaded" with a retry; nothing is thrown into the host app.
 * On the server, and in the render that hydrates it, it is an empty host element: nothing
 * here touches `window` or `document` outside effects and events.
 */
export function createHelpWidget(loadForm: () => Promise<ShadowForm>) {
  let loaded: ShadowForm | null = null;
  let loading: Promise<ShadowForm> | null = null;
  const load = (): Promise<ShadowForm> =>
    (loading ??= loadForm().then(
      (form) => (loaded = form),
      (error: unknown) => {
        loading = null; // the next intent or retry asks again
        throw error;
      },
    ));
  const prefetch = (): void => void load().catch(() => undefined);

  return function HelpWidget(props: HelpWidgetProps) {
    const { target, nonce } = props;
    const [ownHost, setOwnHost] = useState<HTMLElement | null>(null);
    const [targetHost, setTargetHost] = useState<HTMLElement | null>(null);

    useEffect(() => {
      if (!target) return;
      const host = target.ownerDocument.createElement("div");
      host.className = "ripio-help-widget";
      target.appendChild(host);
      setTargetHost(host);
      return () => {
        host.remove();
        setTargetHost(null);
      };
    }, [target]);

    const host = target ? targetHost : ownHost;
    const [root, setRoot] = useState<ShadowRoot | null>(null);
    useEffect(() => setRoot(host ? shadowOf(host) : null), [host]);
    useShadowStyles(root, loaderCss + intentCss, nonce);

    const [Form, setForm] = useState<ShadowForm | null>(null);
    const [clicked, setClicked] = useState(false);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    const inline = props.inline === true || target !== undefined;
    const wanted = clicked || inline || props.open === true || props.defaultOpen === true;

    useEffect(() => {
      if (!wanted || Form) return;
      if (loaded) return setForm(() => loaded);
      let current = true;
      load().then(
        (form) => current && setForm(() => form),
        () => current && setFailed(true),
      );
      return () => {
        current = false;
      };
    }, [wanted, Form, attempt]);

    let content = null;
    if (root && Form) {
      content = <Form {...props} shadowRoot={root} defaultOpen={props.defaultOpen || clicked} />;
    } else if (root) {
      content = (
        <IntentLauncher
          options={props}
          showButton={!inline && props.launcher !== false}
          loading={clicked && !failed}
          failed={failed}
          onIntent={prefetch}
          onOpen={() => {
            setClicked(true);
            setFailed(false);
            setAttempt((n) => n + 1);
            props.onOpenChange?.(true);
          }}
          onRetry={() => {
            setFailed(false);
            setAttempt((n) => n + 1);
          }}
        />
      );
    }

    return (
      <>
        {target ? null : <div className="ripio-help-widget" ref={setOwnHost} />}
        {content ? createPortal(content, root as ShadowRoot) : null}
      </>
    );
  };
}
