/** A ticket's statuses, in the order it can go through them (PENDING, then one of the others). */
export const TICKET_STATUSES = ["PENDING", "CREATED", "FAILED"];
/** The form fields a ticket is about; `attachments` are the files, `context` its technical details. */
export const TICKET_FIELDS = ["summary", "description", "attachments", "context"];
/** True when `value` names one of the ticket's fields (for answers parsed from the network). */
export function isTicketField(value) {
    return TICKET_FIELDS.includes(value);
}
/** True when `value` is an `ErrorFile` (for answers parsed from the network). */
export function isErrorFile(value) {
    const file = value;
    return (typeof file?.name === "string" &&
        typeof file.index === "number" &&
        Number.isInteger(file.index) &&
        file.index >= 0);
}
/** `?limit=` of `GET /api/tickets`: 1 to `max`, `default` when absent. */
export const TICKET_LIST_LIMIT = { default: 20, max: 50 };
/** True once a ticket's status can no longer change. */
export function isTerminal(status) {
    return status !== "PENDING";
}
/** Names on the wire between the widget and the proxy. */
export const API = {
    tickets: "/api/tickets",
    config: "/api/config",
    customerTokenHeader: "X-Customer-Token",
    /** The `aud` claim of a customer token: tokens meant for another service are refused. */
    customerTokenAudience: "ripio-help",
    idempotencyKeyHeader: "Idempotency-Key",
    fields: {
        summary: "summary",
        description: "description",
        attachments: "attachments",
        context: "context",
    },
};
/** Path of one ticket's status. */
export function ticketPath(ticketId) {
    return `${API.tickets}/${encodeURIComponent(ticketId)}`;
}
