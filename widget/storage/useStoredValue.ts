import { useCallback, useRef, useState } from "react";
import { readStored, writeStored } from "./sessionStore.ts";

/** A new value, or a function of the value as last set (see useStoredValue). */
export type StoredUpdate<T> = T | null | ((current: T | null) => T | null);

function readFor<T>(key: string | null, isValid: (value: unknown) => value is T): T | null {
  return key === null ? null : readStored(key, isValid);
}

/**
 * A value kept in sessionStorage under `key` (re-read when the key changes). With a `null`
 * key — the customer is not known yet — the value lives in memory only.
 *
 * The setter also takes a function, which — unlike React's — is called at once, with the
 * value as last set even if no render shows it yet. So an update computed from the value (a
 * status arriving for the last ticket) cannot bring back one the user has just cleared: on
 * Preact a render's passive effects may run after the next event.
 */
export function useStoredValue<T extends object>(
  key: string | null,
  isValid: (value: unknown) => value is T,
): [T | null, (next: StoredUpdate<T>) => void] {
  const [state, setState] = useState(() => ({ key, value: readFor(key, isValid) }));
  let current = state;
  if (state.key !== key) {
    // Adjusting state while rendering (React's documented pattern) avoids a frame showing
    // the previous customer's value.
    current = { key, value: readFor(key, isValid) };
    setState(current);
  }
  const lastSet = useRef(current);
  const set = useCallback(
    (next: StoredUpdate<T>) => {
      const base = lastSet.current.key === key ? lastSet.current.value : readFor(key, isValid);
      const value = typeof next === "function" ? next(base) : next;
      if (value === base && lastSet.current.key === key) return;
      lastSet.current = { key, value };
      if (key !== null) writeStored(key, value);
      setState({ key, value });
    },
    [key, isValid],
  );
  return [current.value, set];
}
