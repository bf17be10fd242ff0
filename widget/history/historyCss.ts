/**
 * The list's CSS: loaded with it, adopted into the widget's shadow root while it is shown
 * (TicketListView). Uses the theme variables of shell/styles.ts, so dark mode follows.
 */
export const historyCss = `
.rhw-history { display: flex; flex-direction: column; gap: 12px; }
.rhw-history-head { display: flex; align-items: center; gap: 8px; }
.rhw-history-title { margin: 0; font-size: 17px; font-weight: 700; }
.rhw-history-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.rhw-ticket {
  display: flex; flex-direction: column; gap: 4px; padding: 10px 12px; min-width: 0;
  background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_control-radius);
}
.rhw-ticket p { margin: 0; }
.rhw-ticket-summary { font-weight: 600; overflow-wrap: anywhere; }
.rhw-ticket-meta { font-size: 14px; color: var(--_muted); }
.rhw-ticket-state { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.rhw-ticket[data-status="FAILED"] .rhw-ticket-word { color: var(--_danger); font-weight: 600; }
.rhw-ticket-key { font-weight: 700; font-variant-numeric: tabular-nums; user-select: all; }
.rhw-ticket .rhw-actions { justify-content: flex-start; }
.rhw-ticket .rhw-secondary, .rhw-history .rhw-secondary { min-height: 40px; padding: 6px 12px; font-size: 15px; }
.rhw-time { position: relative; border-bottom: 1px dotted var(--_muted); }
.rhw-time:focus-visible::after {
  content: attr(title); position: absolute; left: 0; top: calc(100% + 4px); z-index: 1;
  padding: 4px 8px; white-space: nowrap; font-size: 13px;
  background: var(--_fg); color: var(--_bg); border-radius: 6px;
}
.rhw-confirm { display: flex; flex-direction: column; gap: 8px; padding-top: 6px; border-top: 1px solid var(--_border); }
`;
