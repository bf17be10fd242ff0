import { HelpWidgetView, type HelpWidgetViewProps } from "./HelpWidgetView.tsx";
import { widgetCss } from "../shell/styles.ts";
import { useShadowStyles } from "../shell/useShadowStyles.ts";

/** Props of the form chunk: the widget's props and the shadow root `HelpWidget` made for it. */
export interface HelpWidgetInShadowProps extends HelpWidgetViewProps {
  shadowRoot: ShadowRoot;
}

/**
 * The whole widget and its stylesheet inside `HelpWidget`'s shadow root: the chunk the React
 * component imports on intent (see createHelpWidget.tsx), so a host app's first load carries
 * only the launcher.
 */
export function HelpWidgetInShadow({ shadowRoot, ...props }: HelpWidgetInShadowProps) {
  useShadowStyles(shadowRoot, widgetCss, props.nonce);
  return <HelpWidgetView {...props} />;
}
