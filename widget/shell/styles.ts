/**
 * All of the widget's CSS, injected into its shadow root (so nothing leaks in or out).
 * Over 200 lines on purpose: it is one stylesheet, injected as one string.
 *
 * Theming: set these custom properties on the widget's host element (they inherit into
 * the shadow root; `all: initial` does not reset custom properties). Each applies to
 * both themes; unset, the light or dark default below is used. See README-theming.md.
 *
 *   --ripio-help-accent      buttons, links, focus ring, progress (light #1d4ed8, dark #8ab4ff)
 *   --ripio-help-accent-fg   text on the accent colour      (light #ffffff, dark #0b1530)
 *   --ripio-help-bg          panel background               (light #ffffff, dark #15181e)
 *   --ripio-help-fg          text                           (light #1b1f27, dark #e9ecf2)
 *   --ripio-help-muted       hints, counters, secondary text (light #505968, dark #a9b1bf)
 *   --ripio-help-surface     dropzone and file rows         (light #f3f5f8, dark #1f232b)
 *   --ripio-help-border      field and panel borders        (light #7a8394, dark #747e90)
 *   --ripio-help-danger      errors and refused files       (light #b42318, dark #ff9b8f)
 *   --ripio-help-success     the registered ticket          (light #067647, dark #6fdca3)
 *   --ripio-help-radius      corner radius of the panel     (12px; controls use 2/3 of it)
 *   --ripio-help-font        font family                    (the system UI font)
 *   --ripio-help-z-index     stacking of the floating parts (2147483000)
 *   --ripio-help-offset      distance from the viewport edge (20px)
 *   --ripio-help-width       width of the floating dialog   (400px)
 *
 * Defaults meet WCAG AA: text ≥ 4.5:1 and borders/focus rings ≥ 3:1 on their background.
 */

import { technicalDetailsCss } from "../context/technicalDetailsCss.ts";

const light = `
  --_accent: var(--ripio-help-accent, #1d4ed8);
  --_accent-fg: var(--ripio-help-accent-fg, #ffffff);
  --_bg: var(--ripio-help-bg, #ffffff);
  --_fg: var(--ripio-help-fg, #1b1f27);
  --_muted: var(--ripio-help-muted, #505968);
  --_surface: var(--ripio-help-surface, #f3f5f8);
  --_border: var(--ripio-help-border, #7a8394);
  --_danger: var(--ripio-help-danger, #b42318);
  --_success: var(--ripio-help-success, #067647);
  --_shadow: 0 12px 40px rgb(15 23 42 / 0.22);
  color-scheme: light;
`;

const dark = `
  --_accent: var(--ripio-help-accent, #8ab4ff);
  --_accent-fg: var(--ripio-help-accent-fg, #0b1530);
  --_bg: var(--ripio-help-bg, #15181e);
  --_fg: var(--ripio-help-fg, #e9ecf2);
  --_muted: var(--ripio-help-muted, #a9b1bf);
  --_surface: var(--ripio-help-surface, #1f232b);
  --_border: var(--ripio-help-border, #747e90);
  --_danger: var(--ripio-help-danger, #ff9b8f);
  --_success: var(--ripio-help-success, #6fdca3);
  --_shadow: 0 12px 40px rgb(0 0 0 / 0.6);
  color-scheme: dark;
`;

/** The widget's stylesheet (scoped by `:host` and `rhw-` classes). */
export const widgetCss = `
:host { all: initial; }
/*
 * The page's own rules reach the host element and beat :host, and what they set there is
 * inherited into the shadow tree (letter-spacing, font-style, text-transform, line-height,
 * cursor…). So the widget's root starts from initial values for every property but the
 * custom ones (theming) and direction (set by dir), and sets back what it needs below.
 */
.rhw-root { all: initial; display: block; }
.rhw-root, .rhw-root *, .rhw-root *::before, .rhw-root *::after { box-sizing: border-box; }
.rhw-root [hidden] { display: none !important; }

.rhw-root {
  ${light}
  --_radius: var(--ripio-help-radius, 12px);
  --_control-radius: calc(var(--_radius) * 2 / 3);
  --_offset: var(--ripio-help-offset, 20px);
  font-family: var(--ripio-help-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  font-size: 15px;
  line-height: 1.5;
  color: var(--_fg);
  text-align: start;
  -webkit-font-smoothing: antialiased;
}
.rhw-root[data-theme="dark"] { ${dark} }
@media (prefers-color-scheme: dark) {
  .rhw-root[data-theme="auto"] { ${dark} }
}

.rhw-root :focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.rhw-root :focus:not(:focus-visible) { outline: none; }

.rhw-visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}

.rhw-launcher {
  position: fixed; bottom: var(--_offset); right: var(--_offset);
  z-index: var(--ripio-help-z-index, 2147483000);
  display: inline-flex; align-items: center; gap: 8px;
  min-height: 48px; padding: 12px 20px; border: 0; border-radius: 999px;
  background: var(--_accent); color: var(--_accent-fg); box-shadow: var(--_shadow);
  font: inherit; font-size: 16px; font-weight: 600; cursor: pointer;
}
.rhw-root[data-position="bottom-left"] .rhw-launcher { right: auto; left: var(--_offset); }
/* A recording runs: a red dot, ringed in the text colour so it shows on any accent. */
.rhw-launcher-dot {
  flex: none; width: 12px; height: 12px; margin: 0 5px; border-radius: 50%;
  background: #e5342a; box-shadow: 0 0 0 2px var(--_accent-fg);
}

.rhw-panel {
  display: flex; flex-direction: column;
  background: var(--_bg); color: var(--_fg);
  border: 1px solid var(--_border); border-radius: var(--_radius);
}
.rhw-dialog {
  position: fixed; right: var(--_offset); bottom: calc(var(--_offset) + 64px);
  z-index: var(--ripio-help-z-index, 2147483000);
  width: min(var(--ripio-help-width, 400px), calc(100vw - 2 * var(--_offset)));
  max-height: calc(100vh - var(--_offset) * 2 - 64px);
  max-height: calc(100dvh - var(--_offset) * 2 - 64px);
  box-shadow: var(--_shadow);
}
.rhw-root[data-position="bottom-left"] .rhw-dialog { right: auto; left: var(--_offset); }
@media (max-width: 480px) {
  .rhw-dialog { inset: 0; width: 100%; max-height: none; border-radius: 0; border: 0; }
  /* The open dialog fills the screen: nothing of ours may sit over it, the launcher included. */
  .rhw-dialog:not([hidden]) ~ .rhw-launcher { display: none; }
}
.rhw-inline { width: 100%; }

.rhw-header {
  display: flex; align-items: center; justify-content: space-between; gap: 12px;
  padding: 14px 16px 10px 20px; border-bottom: 1px solid var(--_surface);
}
.rhw-title { margin: 0; font-size: 18px; font-weight: 700; line-height: 1.3; }
.rhw-body { padding: 16px 20px 20px; overflow-y: auto; overscroll-behavior: contain; }

.rhw-form { display: flex; flex-direction: column; gap: 16px; margin: 0; }
.rhw-intro, .rhw-hint, .rhw-totals, .rhw-muted { margin: 0; color: var(--_muted); }
.rhw-hint, .rhw-totals { font-size: 14px; }
.rhw-field { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.rhw-label { font-weight: 600; }

.rhw-input {
  width: 100%; padding: 10px 12px; margin: 0;
  font: inherit; font-size: 16px; /* 16px or more: iOS does not zoom into the field */
  color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_border); border-radius: var(--_control-radius);
}
textarea.rhw-input { min-height: 8em; resize: vertical; }
.rhw-input[aria-invalid="true"] { border-color: var(--_danger); border-width: 2px; padding: 9px 11px; }

.rhw-field-foot { display: flex; justify-content: space-between; align-items: flex-start; gap: 12px; }
.rhw-counter { margin-left: auto; font-size: 14px; color: var(--_muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.rhw-counter-over { color: var(--_danger); font-weight: 700; }
.rhw-error { margin: 0; color: var(--_danger); font-size: 14px; font-weight: 600; }

.rhw-dropzone {
  position: relative; display: flex; align-items: center; gap: 10px;
  padding: 16px; min-height: 64px; cursor: pointer;
  background: var(--_surface); color: var(--_fg);
  border: 2px dashed var(--_border); border-radius: var(--_control-radius);
}
.rhw-dropzone:focus-within { outline: 3px solid var(--_accent); outline-offset: 2px; }
.rhw-dropzone:has(input:focus:not(:focus-visible)) { outline: none; }
.rhw-dropzone-active { border-color: var(--_accent); border-style: solid; }
.rhw-dropzone[aria-disabled="true"] { cursor: not-allowed; opacity: 0.7; }
.rhw-capture-buttons { display: flex; flex-wrap: wrap; gap: 8px; }
.rhw-capture-buttons .rhw-secondary { flex: 1 1 auto; padding: 8px 12px; font-size: 15px; }

.rhw-files { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.rhw-file {
  display: flex; align-items: center; gap: 10px; padding: 6px 6px 6px 8px;
  background: var(--_surface); border-radius: var(--_control-radius);
}
.rhw-file-refused { border: 1px solid var(--_danger); }
.rhw-file-refused .rhw-file-meta { color: var(--_danger); }
.rhw-thumb { flex: none; width: 40px; height: 40px; border-radius: 6px; object-fit: cover; }
.rhw-thumb-icon { display: inline-flex; align-items: center; justify-content: center; color: var(--_muted); background: var(--_bg); }
.rhw-file-text { display: flex; flex-direction: column; min-width: 0; flex: 1; }
.rhw-file-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600; }
.rhw-file-meta { font-size: 14px; color: var(--_muted); }

.rhw-history-entry { display: flex; justify-content: flex-end; margin: -4px 0 12px; }
.rhw-history-entry .rhw-secondary { min-height: 40px; padding: 6px 12px; font-size: 15px; }
.rhw-actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; }
.rhw-primary, .rhw-secondary {
  min-height: 44px; padding: 10px 18px; font: inherit; font-size: 16px; font-weight: 600;
  border-radius: var(--_control-radius); cursor: pointer;
}
.rhw-primary { background: var(--_accent); color: var(--_accent-fg); border: 1px solid var(--_accent); }
.rhw-secondary { background: var(--_bg); color: var(--_accent); border: 1px solid var(--_border); }
.rhw-primary[aria-disabled="true"] { cursor: progress; opacity: 0.7; }
.rhw-icon-button {
  display: inline-flex; align-items: center; justify-content: center; flex: none;
  width: 44px; height: 44px; padding: 0; border: 0; border-radius: var(--_control-radius);
  background: transparent; color: var(--_fg); cursor: pointer;
}
.rhw-icon-button:hover { background: var(--_surface); }

.rhw-notice {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 0; padding: 10px 12px;
  background: var(--_surface); border-radius: var(--_control-radius);
}
.rhw-notice p { margin: 0; flex: 1 1 12em; }
.rhw-notice-error { border: 1px solid var(--_danger); }
.rhw-notice-error > .rhw-icon { color: var(--_danger); }

.rhw-upload { display: flex; flex-direction: column; gap: 6px; }
.rhw-upload-row { display: flex; justify-content: space-between; font-weight: 600; }
.rhw-upload .rhw-secondary { align-self: flex-end; }
.rhw-progress { height: 8px; background: var(--_surface); border: 1px solid var(--_border); border-radius: 999px; overflow: hidden; }
.rhw-progress-bar { height: 100%; background: var(--_accent); }

.rhw-live:empty { display: none; }
.rhw-status { display: flex; flex-direction: column; gap: 12px; }
.rhw-status p { margin: 0; }
.rhw-status-title { display: flex; align-items: center; gap: 10px; margin: 0; font-size: 17px; line-height: 1.35; }
.rhw-status[data-status="CREATED"] .rhw-status-title .rhw-icon { color: var(--_success); }
.rhw-status[data-status="FAILED"] .rhw-status-title .rhw-icon { color: var(--_danger); }
.rhw-issue { padding: 12px 14px; background: var(--_surface); border-radius: var(--_control-radius); }
.rhw-issue-label { font-size: 14px; color: var(--_muted); }
.rhw-issue-row { display: flex; align-items: center; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
.rhw-issue-key { font-size: 28px; font-weight: 800; letter-spacing: 0.02em; font-variant-numeric: tabular-nums; user-select: all; }
.rhw-spinner {
  flex: none; width: 18px; height: 18px; border-radius: 50%;
  border: 3px solid var(--_surface); border-top-color: var(--_accent);
}

@media (prefers-reduced-motion: no-preference) {
  .rhw-dialog:not([hidden]) { animation: rhw-rise 160ms ease-out; }
  .rhw-progress-bar { transition: width 200ms linear; }
  .rhw-spinner { animation: rhw-spin 800ms linear infinite; }
  .rhw-launcher-dot { animation: rhw-pulse 1.6s ease-in-out infinite; }
  @keyframes rhw-pulse { 50% { opacity: 0.45; } }
  @keyframes rhw-rise { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
  @keyframes rhw-spin { to { transform: rotate(360deg); } }
}
@media (forced-colors: active) {
  .rhw-progress-bar { background: Highlight; }
  .rhw-launcher, .rhw-primary { border: 1px solid ButtonText; }
  .rhw-launcher-dot { background: ButtonText; box-shadow: none; }
}
${technicalDetailsCss}`;
