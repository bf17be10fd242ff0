import { useEffect, useRef, type RefObject } from "react";

/** A ref always holding the latest `value`, for callbacks the host may pass inline. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
