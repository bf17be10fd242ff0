import type { TicketContext } from "../../contract/index.ts";

/** Technical details as the widget gathers them on a real page: every item, no host entries. */
export const GATHERED_CONTEXT = {
  page: "https://shop.example.com/checkout",
  browser: "Chrome 131",
  os: "Windows",
  viewport: { width: 1920, height: 1080 },
  language: "es-AR",
  timeZone: "America/Argentina/Buenos_Aires",
  widget: "0.2.0",
} as const satisfies TicketContext;
