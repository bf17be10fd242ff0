import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { HelpWidgetView, type HelpWidgetViewProps } from "./HelpWidgetView.tsx";
import { widgetCss } from "../shell/styles.ts";
import { useShadowStyles } from "../shell/useShadowStyles.ts";

/** Props of the public React component: the options plus open state (see HelpWidgetOptions). */
export type HelpWidgetProps = HelpWidgetViewProps;

// attachShadow throws on an element that already has one (StrictMode's second effect run,
// a re-mount into the same target): reuse it.
function shadowOf(host: HTMLElement): ShadowRoot {
  return host.shadowRoot ?? host.attachShadow({ mode: "open" });
}

/**
 * The help widget as a React component. Renders a host element with an open shadow root,
 * so the host page's CSS does not reach in and ours does not leak out, and portals the
 * widget into it. With `target`, the host element goes inside `target` and the widget is
 * laid out inline there instead of floating.
 */
export function HelpWidget(props: HelpWidgetProps) {
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
  useShadowStyles(root, widgetCss, nonce);

  return (
    <>
      {target ? null : <div className="ripio-help-widget" ref={setOwnHost} />}
      {root ? createPortal(<HelpWidgetView {...props} />, root) : null}
    </>
  );
}
