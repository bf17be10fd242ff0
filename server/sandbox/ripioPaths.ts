/** Ripio's paths as documented: camelCase, with a trailing slash the sandbox insists on. */
export const RIPIO_PATHS = {
  token: "/oauth2/token/",
  tickets: "/api/v1/supportTickets/",
  ticket: (ticketId: string): string => `/api/v1/supportTickets/${encodeURIComponent(ticketId)}/`,
} as const;

/** The ticket id in a Retrieve path, or null when `path` is not one. */
export function matchTicketPath(path: string): string | null {
  const match = /^\/api\/v1\/supportTickets\/([^/]+)\/$/.exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
