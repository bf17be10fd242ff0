import { useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { TicketContext } from "../../contract/index.ts";
import {
  collectContext,
  readBrowserFacts,
  usableHostContext,
  withoutRemoved,
} from "./collectContext.ts";
import { choicesSent, readChoices, writeChoices, type ContextChoices } from "./contextChoices.ts";
import { TechnicalDetailsContext } from "./TechnicalDetailsContext.ts";

/** The form's technical details: the user's choices, a preview, and the gathering at Send. */
export interface TechnicalDetails {
  /** False when the host set `collectContext: false`: no disclosure, nothing sent. */
  enabled: boolean;
  choices: ContextChoices;
  setInclude(include: boolean): void;
  remove(id: string): void;
  /** What would be sent now, before removals (read when called: only while shown). */
  preview(): TicketContext;
  /** Reads everything afresh and leaves out what the user removed; `null` = send nothing. */
  gather(): TicketContext | null;
  /** The send was accepted: the choices go with that ticket (for "Try again"). */
  sent(): void;
}

/** The technical details of the form's draft, set up by `TechnicalDetailsContext`. */
export function useTechnicalDetails(): TechnicalDetails {
  const setup = useContext(TechnicalDetailsContext);
  const { draftKey, customerKey, resending } = setup;
  const [choices, setChoices] = useState(() =>
    readChoices(draftKey ?? "", resending ? customerKey : null),
  );
  useEffect(() => {
    if (draftKey !== null) writeChoices(draftKey, choices);
  }, [draftKey, choices]);

  // Keyed by content, so a host passing a new object each render is checked once.
  const hostJson = JSON.stringify(setup.host ?? null);
  const usable = useMemo(() => usableHostContext(setup.host), [hostJson]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    // The host's mistake, told to its developer; the ticket goes without those entries.
    for (const reason of usable.leftOut)
      console.warn(`Ripio Help: context entry left out: ${reason}`);
  }, [usable]);

  const preview = useCallback(() => collectContext(readBrowserFacts(), usable.host), [usable]);
  const enabled = setup.collect;
  return {
    enabled,
    choices,
    setInclude: useCallback((include) => setChoices((c) => ({ ...c, include })), []),
    remove: useCallback(
      (id) =>
        setChoices((c) => (c.removed.includes(id) ? c : { ...c, removed: [...c.removed, id] })),
      [],
    ),
    preview,
    gather: () =>
      enabled && choices.include ? withoutRemoved(preview(), new Set(choices.removed)) : null,
    sent: () => {
      if (draftKey !== null && customerKey !== null) choicesSent(draftKey, customerKey, choices);
    },
  };
}
