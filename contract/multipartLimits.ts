import { TICKET_LIMITS } from "./limits.ts";
import { maxUtf8Bytes } from "./text.ts";

/** Text parts a ticket form may carry: summary, description, and room for fields we ignore. */
export const MAX_TEXT_PARTS = 20;

/**
 * The limits both multipart readers of a ticket (the proxy's and the simulated Ripio's) give
 * busboy, as plain numbers: contract/ holds no Node code, and the simulator may import nothing
 * of the proxy, so this is the one place both can read. busboy flags a value that reaches a
 * size limit exactly (docs/architecture.md, "Pitfalls"), so each size is the maximum + 1; the sixth file is
 * let through to be refused with our own TOO_MANY_FILES before busboy's count stops at seven.
 */
export const MULTIPART_LIMITS = Object.freeze({
  fileSize: TICKET_LIMITS.maxFileBytes + 1,
  files: TICKET_LIMITS.maxFiles + 1,
  fieldSize: maxUtf8Bytes(TICKET_LIMITS.descriptionMaxChars) + 1,
  fields: MAX_TEXT_PARTS,
  parts: MAX_TEXT_PARTS + TICKET_LIMITS.maxFiles + 1,
});
