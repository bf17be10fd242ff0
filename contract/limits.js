/** 1 MB as Ripio counts it: 1024 × 1024 bytes. */
export const MIB = 1024 * 1024;
/** The ticket rules, written once; every other folder reads them from here. */
export const TICKET_LIMITS = {
    summaryMaxChars: 240,
    descriptionMaxChars: 5000,
    maxFiles: 5,
    maxFileBytes: 25 * MIB,
    maxTotalBytes: 50 * MIB,
};
/** Longest a status long poll may be held (`GET /api/tickets/:id?wait=N`). */
export const MAX_WAIT_SECONDS = 25;
/** Locales the widget ships messages for; the first is the fallback. */
export const LOCALES = ["en", "es", "pt"];
