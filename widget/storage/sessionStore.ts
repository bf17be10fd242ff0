const PREFIX = "ripio-help/v1/";

// sessionStorage throws in some sandboxed iframes and when full; the widget then simply
// forgets between reloads instead of breaking.
function storage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Reads a JSON value the widget stored; `null` when absent, unreadable or not `isValid`. */
export function readStored<T>(key: string, isValid: (value: unknown) => value is T): T | null {
  try {
    const text = storage()?.getItem(PREFIX + key);
    if (text == null) return null;
    const value: unknown = JSON.parse(text);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

/** Stores a JSON value, or removes it when `null`; storage failures are ignored. */
export function writeStored(key: string, value: unknown): void {
  try {
    const store = storage();
    if (value === null) store?.removeItem(PREFIX + key);
    else store?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // See storage(): losing the copy is better than breaking the form.
  }
}

/** Removes every value the widget stored in this tab (every customer's); failures are ignored. */
export function clearStored(): void {
  try {
    const store = storage();
    // A Storage's own keys are its items' names.
    for (const key of store ? Object.keys(store) : []) {
      if (key.startsWith(PREFIX)) store?.removeItem(key);
    }
  } catch {
    // See storage(): nothing could be stored there either.
  }
}
