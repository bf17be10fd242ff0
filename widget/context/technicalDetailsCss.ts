/** The "Technical details" disclosure's CSS, part of the widget's one stylesheet (shell/styles.ts). */
export const technicalDetailsCss = `
.rhw-details { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
.rhw-details-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 12px; }
.rhw-disclosure {
  display: inline-flex; align-items: center; gap: 6px; min-height: 44px; padding: 0 4px;
  font: inherit; font-weight: 600; color: var(--_fg); background: none; border: 0; cursor: pointer;
}
.rhw-disclosure::before {
  content: ""; width: 6px; height: 6px; margin: 0 6px 2px 2px;
  border: solid currentColor; border-width: 0 2px 2px 0; transform: rotate(-45deg);
}
.rhw-disclosure[aria-expanded="true"]::before { transform: rotate(45deg); }
.rhw-check { display: inline-flex; align-items: center; gap: 8px; min-height: 44px; cursor: pointer; }
.rhw-check input { width: 20px; height: 20px; margin: 0; accent-color: var(--_accent); }
.rhw-details-panel { display: flex; flex-direction: column; gap: 8px; }
.rhw-details-panel[hidden] { display: none; }
.rhw-details-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.rhw-details-row {
  display: flex; align-items: center; gap: 8px; padding: 2px 2px 2px 10px;
  background: var(--_surface); border-radius: var(--_control-radius);
}
.rhw-details-text { display: flex; flex-direction: column; min-width: 0; flex: 1; }
.rhw-details-label { font-size: 14px; color: var(--_muted); }
.rhw-details-value { overflow-wrap: anywhere; }
`;
