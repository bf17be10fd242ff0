/** Every error the proxy answers, with its HTTP status. The widget needs a message for each. */
export declare const ERROR_HTTP_STATUS: {
    readonly SUMMARY_REQUIRED: 400;
    readonly DESCRIPTION_REQUIRED: 400;
    readonly SUMMARY_TOO_LONG: 400;
    readonly DESCRIPTION_TOO_LONG: 400;
    readonly TOO_MANY_FILES: 400;
    readonly FILE_TYPE_NOT_ALLOWED: 415;
    readonly FILE_CONTENT_MISMATCH: 415;
    readonly FILE_TOO_LARGE: 413;
    readonly ATTACHMENTS_TOO_LARGE: 413;
    readonly MALFORMED_REQUEST: 400;
    readonly IDENTITY_REQUIRED: 401;
    readonly IDENTITY_INVALID: 401;
    readonly IDENTITY_EXPIRED: 401;
    readonly ORIGIN_NOT_ALLOWED: 403;
    readonly TICKETS_DISABLED: 403;
    readonly CUSTOMER_NOT_FOUND: 400;
    readonly CUSTOMER_EMAIL_MISSING: 400;
    readonly TICKET_NOT_FOUND: 404;
    readonly RATE_LIMITED: 429;
    readonly REQUEST_TIMEOUT: 408;
    readonly UPSTREAM_UNAVAILABLE: 503;
    readonly UPSTREAM_ERROR: 502;
    readonly INTERNAL_ERROR: 500;
    readonly STORE_UNAVAILABLE: 503;
};
export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;
/** All error codes, in the order listed above (docs/architecture.md has the same table). */
export declare const ERROR_CODES: ErrorCode[];
/** True when `value` is one of our error codes (for answers parsed from the network). */
export declare function isErrorCode(value: unknown): value is ErrorCode;
