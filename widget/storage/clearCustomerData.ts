import { clearStored } from "./sessionStore.ts";

/**
 * For a host's logout: empties everything the widget stored in this tab — every customer's
 * draft text and last ticket. A widget still on screen keeps what it shows until it is
 * reset (the script tag's `reset()`, or a new React `key`); see the README, "Logout and user
 * switches".
 */
export function clearCustomerData(): void {
  clearStored();
}
