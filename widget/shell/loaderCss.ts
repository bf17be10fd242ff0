/**
 * The launcher's own CSS: enough to draw the button before the app chunk exists. It reads the
 * app launcher's custom properties (README-theming.md) with the same defaults as
 * shell/styles.ts, so a launcher looks the same before and after the app loads; `.dark`, and
 * `.auto` on a dark system, take the dark theme's (test/e2e/launcherTheme.test.ts holds the
 * two together; a shared module of the values cost the loader 100 bytes). `.l` starts from
 * initial values: the page's rules reach the host element (they beat :host) and what they set
 * there would be inherited by the launcher. Every rule is under `.l`: the app's stylesheet
 * joins this one in the same shadow root, and its buttons are not ours.
 */
export const loaderCss = `
:host{all:initial}
.l{all:initial;--a:var(--ripio-help-accent,#1d4ed8);--f:var(--ripio-help-accent-fg,#fff);--s:rgb(15 23 42/.22);--o:var(--ripio-help-offset,20px);position:fixed;bottom:var(--o);right:var(--o);z-index:var(--ripio-help-z-index,2147483000);font:600 16px/1.5 var(--ripio-help-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif)}
.l.dark{--a:var(--ripio-help-accent,#8ab4ff);--f:var(--ripio-help-accent-fg,#0b1530);--s:#0009}
@media(prefers-color-scheme:dark){.l.auto{--a:var(--ripio-help-accent,#8ab4ff);--f:var(--ripio-help-accent-fg,#0b1530);--s:#0009}}
.l.left{right:auto;left:var(--o)}
.l button{font:inherit;cursor:pointer;border:0;border-radius:999px;padding:12px 20px;min-height:48px;color:var(--f);background:var(--a);box-shadow:0 12px 40px var(--s)}
.l button:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.e{margin-bottom:8px;padding:10px 12px;border-radius:8px;background:#fff;color:#1f2937;font-weight:400;box-shadow:0 4px 14px rgba(0,0,0,.2)}
.e button{margin-left:8px;padding:6px 12px}
`;
