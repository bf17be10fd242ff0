import { useCallback, useContext, useEffect, useState } from "react";
import type { TicketContext } from "../../contract/index.ts";
import { choicesSent, readChoices, writeChoices, type ContextChoices } from "./contextChoices.ts";
import { loadDetails } from "./loadDetails.ts";
import { TechnicalDetailsContext } from "./TechnicalDetailsContext.ts";

/** The form's technical details: the user's choices, and the gathering at Send. */
export interface TechnicalDetails {
  /** False when the host set `collectContext: false`: no disclosure, nothing sent. */
  enabled: boolean;
  /** The host's `context`, as given (checked entry by entry when read). */
  host: unknown;
  choices: ContextChoices;
  setInclude(include: boolean): void;
  remove(id: string): void;
  /** Reads everything now and leaves out what the user removed; `null` = send nothing. */
  gather(): Promise<TicketContext | null>;
  /** The send was accepted: the choices go with that ticket (for "Try again"). */
  sent(): void;
}

/** The technical details of the form's draft, set up by `TechnicalDetailsContext`. */
export function useTechnicalDetails(): TechnicalDetails {
  const setup = useContext(TechnicalDetailsContext);
  const { draftKey, customerKey, resending, host } = setup;
  const [choices, setChoices] = useState(() =>
    readChoices(draftKey ?? "", resending ? customerKey : null),
  );
  useEffect(() => {
    if (draftKey !== null) writeChoices(draftKey, choices);
  }, [draftKey, choices]);

  const enabled = setup.collect;
  return {
    enabled,
    host,
    choices,
    setInclude: useCallback((include) => setChoices((c) => ({ ...c, include })), []),
    remove: useCallback(
      (id) =>
        setChoices((c) => (c.removed.includes(id) ? c : { ...c, removed: [...c.removed, id] })),
      [],
    ),
    async gather() {
      if (!enabled || !choices.include) return null;
      try {
        return (await loadDetails()).gatherContext(host, choices.removed);
      } catch {
        // The chunk could not be fetched: the ticket matters more than its details.
        return null;
      }
    },
    sent() {
      if (draftKey !== null && customerKey !== null) choicesSent(draftKey, customerKey, choices);
    },
  };
}
