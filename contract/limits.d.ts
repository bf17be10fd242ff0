/** 1 MB as Ripio counts it: 1024 × 1024 bytes. */
export declare const MIB: number;
/** The ticket rules, written once; every other folder reads them from here. */
export declare const TICKET_LIMITS: {
    readonly summaryMaxChars: 240;
    readonly descriptionMaxChars: 5000;
    readonly maxFiles: 5;
    readonly maxFileBytes: number;
    readonly maxTotalBytes: number;
};
/** Longest a status long poll may be held (`GET /api/tickets/:id?wait=N`). */
export declare const MAX_WAIT_SECONDS = 25;
/** Locales the widget ships messages for; the first is the fallback. */
export declare const LOCALES: readonly ["en", "es", "pt"];
export type Locale = (typeof LOCALES)[number];
