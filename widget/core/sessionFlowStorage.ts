import type { FlowStorage } from "./ticketFlowTypes.ts";
import { readStored, writeStored } from "../storage/sessionStore.ts";

/** The ticket flow's storage in the browser: this tab's sessionStorage (see sessionStore). */
export const sessionFlowStorage: FlowStorage = { read: readStored, write: writeStored };
