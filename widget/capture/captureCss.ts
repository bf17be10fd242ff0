/**
 * The editor's and the recorder's CSS: loaded with them, adopted into the widget's shadow
 * root while a capture is open (useAdoptedCss). Uses the theme variables of shell/styles.ts.
 */
export const captureCss = `
.rhw-capture-panel:not(:empty) {
  display: flex; flex-direction: column; gap: 10px; margin-top: 8px; padding: 12px;
  background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_control-radius);
}
.rhw-capture-panel p { margin: 0; }
.rhw-editor { display: flex; flex-direction: column; gap: 10px; margin: 0; padding: 0; border: 0; min-width: 0; }
.rhw-editor-title { padding: 0; font-weight: 600; }
.rhw-editor-canvas {
  display: block; width: 100%; height: auto; background: var(--_bg);
  border: 1px solid var(--_border); cursor: crosshair; touch-action: none;
}
.rhw-editor-help { font-size: 14px; color: var(--_muted); }
.rhw-editor-tools { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.rhw-toggle[aria-pressed="true"] { background: var(--_accent); color: var(--_accent-fg); border-color: var(--_accent); }
.rhw-capture-panel .rhw-secondary[aria-disabled="true"] { cursor: not-allowed; opacity: 0.7; }
.rhw-recording { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; font-weight: 600; }
.rhw-recording-dot { flex: none; width: 12px; height: 12px; border-radius: 50%; background: var(--_danger); }
.rhw-recording-time { font-variant-numeric: tabular-nums; }
.rhw-recording-size { font-size: 14px; color: var(--_muted); font-variant-numeric: tabular-nums; }
.rhw-capture-meter { width: 100%; height: 10px; }
@media (prefers-reduced-motion: no-preference) {
  .rhw-recording-dot { animation: rhw-blink 1.2s steps(2, start) infinite; }
  @keyframes rhw-blink { to { visibility: hidden; } }
}
@media (forced-colors: active) {
  .rhw-recording-dot { background: CanvasText; }
  .rhw-toggle[aria-pressed="true"] { border: 3px solid Highlight; }
}
`;
