import { useCallback, useState } from "react";
import { readStored, writeStored } from "./sessionStore.ts";

/**
 * A value kept in sessionStorage under `key` (re-read when the key changes). With a `null`
 * key — the customer is not known yet — the value lives in memory only.
 */
export function useStoredValue<T>(
  key: string | null,
  isValid: (value: unknown) => value is T,
): [T | null, (next: T | null) => void] {
  const read = (k: string | null): T | null => (k === null ? null : readStored(k, isValid));
  const [state, setState] = useState(() => ({ key, value: read(key) }));
  let current = state;
  if (state.key !== key) {
    // Adjusting state while rendering (React's documented pattern) avoids a frame showing
    // the previous customer's value.
    current = { key, value: read(key) };
    setState(current);
  }
  const set = useCallback(
    (next: T | null) => {
      if (key !== null) writeStored(key, next);
      setState({ key, value: next });
    },
    [key],
  );
  return [current.value, set];
}
