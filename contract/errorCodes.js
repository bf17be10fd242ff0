/** Every error the proxy answers, with its HTTP status. The widget needs a message for each. */
export const ERROR_HTTP_STATUS = {
    SUMMARY_REQUIRED: 400,
    DESCRIPTION_REQUIRED: 400,
    SUMMARY_TOO_LONG: 400,
    DESCRIPTION_TOO_LONG: 400,
    TOO_MANY_FILES: 400,
    FILE_TYPE_NOT_ALLOWED: 415,
    FILE_CONTENT_MISMATCH: 415,
    FILE_TOO_LARGE: 413,
    ATTACHMENTS_TOO_LARGE: 413,
    MALFORMED_REQUEST: 400,
    IDENTITY_REQUIRED: 401,
    IDENTITY_INVALID: 401,
    IDENTITY_EXPIRED: 401,
    ORIGIN_NOT_ALLOWED: 403,
    TICKETS_DISABLED: 403,
    CUSTOMER_NOT_FOUND: 400,
    CUSTOMER_EMAIL_MISSING: 400,
    TICKET_NOT_FOUND: 404,
    RATE_LIMITED: 429,
    REQUEST_TIMEOUT: 408,
    UPSTREAM_UNAVAILABLE: 503,
    UPSTREAM_ERROR: 502,
    INTERNAL_ERROR: 500,
    STORE_UNAVAILABLE: 503,
};
/** All error codes, in the order listed above (docs/architecture.md has the same table). */
export const ERROR_CODES = Object.keys(ERROR_HTTP_STATUS);
/** True when `value` is one of our error codes (for answers parsed from the network). */
export function isErrorCode(value) {
    return typeof value === "string" && Object.hasOwn(ERROR_HTTP_STATUS, value);
}
