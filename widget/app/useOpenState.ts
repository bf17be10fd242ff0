import { useCallback, useState } from "react";
import type { OpenStateProps } from "./HelpWidgetOptions.ts";

/** Open state that is controlled when `open` is given, else kept here. */
export function useOpenState({
  open,
  defaultOpen = false,
  onOpenChange,
}: OpenStateProps): [boolean, (next: boolean) => void] {
  const [own, setOwn] = useState(defaultOpen);
  const isOpen = open ?? own;
  const setOpen = useCallback(
    (next: boolean) => {
      if (open === undefined) setOwn(next);
      onOpenChange?.(next);
    },
    [open, onOpenChange],
  );
  return [isOpen, setOpen];
}
