/**
 * The gathering code (collectContext.ts), fetched on intent — pointer or focus on the
 * disclosure — or at Send: the first open of the widget does not load it. It imports nothing
 * the app chunk has (contract/ticketContext.ts is used by it alone), so the bundler keeps it
 * one small chunk instead of moving shared code into a third first-open chunk.
 */
export const loadDetails = () => import("./collectContext.ts");

/** The lazily loaded gathering module. */
export type Gathering = Awaited<ReturnType<typeof loadDetails>>;
