/**
 * The launcher's own CSS: enough to draw the button before the app chunk exists. `.l`
 * starts from initial values: the page's rules reach the host element (they beat :host)
 * and what they set there would be inherited by the launcher. Every rule is under `.l`:
 * the app's stylesheet joins this one in the same shadow root, and its buttons are not ours.
 */
export const loaderCss = `
:host{all:initial}
.l{all:initial;position:fixed;bottom:20px;right:20px;z-index:2147483000;font:600 16px/1 system-ui,sans-serif}
.l.left{right:auto;left:20px}
.l button{font:inherit;cursor:pointer;border:0;border-radius:999px;padding:14px 20px;color:var(--ripio-help-on-accent,#fff);background:var(--ripio-help-accent,#1d4ed8);box-shadow:0 4px 14px rgba(0,0,0,.25)}
.l button:focus-visible{outline:3px solid var(--ripio-help-focus,#f59e0b);outline-offset:3px}
.e{margin-bottom:8px;padding:10px 12px;border-radius:8px;background:#fff;color:#1f2937;font-weight:400;box-shadow:0 4px 14px rgba(0,0,0,.2)}
.e button{margin-left:8px;padding:6px 12px}
`;
