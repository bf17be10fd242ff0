import { launcherMessages } from "../shell/launcherMessages.ts";
import { resolveLocale } from "../messages/resolveLocale.ts";
import type { HelpWidgetOptions } from "./HelpWidgetOptions.ts";

/**
 * Beside the loader's CSS (loader/loaderCss.ts, the script tag's launcher): the launcher says it
 * is loading after a click (a spinning ring; still under reduced motion), and an inline widget's
 * failure notice stays where the widget would be.
 */
export const intentCss = `
.l button[aria-busy=true]{cursor:progress}
.l button[aria-busy=true]::after{content:"";display:inline-block;box-sizing:border-box;width:.9em;height:.9em;margin-left:8px;vertical-align:-.1em;border:2px solid;border-right-color:transparent;border-radius:50%;animation:rhw-spin .8s linear infinite}
@media(prefers-reduced-motion:reduce){.l button[aria-busy=true]::after{animation:none;border-style:dotted}}
@keyframes rhw-spin{to{transform:rotate(1turn)}}
.l.i{position:static}
`;

export interface IntentLauncherProps {
  options: HelpWidgetOptions;
  /** Whether to draw the launcher button (floating, and `launcher` not false). */
  showButton: boolean;
  loading: boolean;
  failed: boolean;
  /** Pointer or focus reached the launcher: fetch the form ahead of the click. */
  onIntent(): void;
  onOpen(): void;
  onRetry(): void;
}

/**
 * What `HelpWidget` draws before its form is loaded: the script tag's launcher ("Help"), busy
 * while the form loads after a click, and the loader's "Help could not be loaded" with a
 * retry when the form's chunk fails.
 */
export function IntentLauncher(props: IntentLauncherProps) {
  const { options } = props;
  const text = launcherMessages[resolveLocale(options.locale, globalThis.navigator?.language)];
  if (!props.showButton && !props.failed) return null;
  const inline = options.inline === true || options.target !== undefined;
  const className = [
    "l",
    options.theme ?? "auto",
    options.position === "bottom-left" ? "left" : "",
    inline ? "i" : "",
  ];
  return (
    <div className={className.filter(Boolean).join(" ")}>
      {props.failed ? (
        <div className="e" role="alert">
          {text.loadFailed}
          <button type="button" onClick={props.onRetry}>
            {text.retry}
          </button>
        </div>
      ) : null}
      {props.showButton ? (
        <button
          type="button"
          aria-haspopup="dialog"
          aria-busy={props.loading}
          onPointerEnter={props.onIntent}
          onFocus={props.onIntent}
          onClick={props.onOpen}
        >
          {text.launcher}
        </button>
      ) : null}
    </div>
  );
}
