import { useId, useRef, useState } from "react";
import { Dialog } from "../shell/Dialog.tsx";
import type { HelpWidgetOptions, OpenStateProps } from "./HelpWidgetOptions.ts";
import { InlinePanel } from "../shell/InlinePanel.tsx";
import { Launcher } from "../shell/Launcher.tsx";
import { MessagesContext } from "../messages/MessagesContext.ts";
import { getMessages, languageTag, resolveLocale } from "../messages/index.ts";
import { TicketFlowView } from "./TicketFlowView.tsx";
import { useCustomerKey } from "../identity/useCustomerKey.ts";
import { useOpenState } from "./useOpenState.ts";
import { useTicketFlow } from "./useTicketFlow.ts";
import { useWidgetClient } from "./useWidgetClient.ts";
import { HistorySwitch } from "../history/HistorySwitch.tsx";
import { useJustSent } from "../history/useJustSent.ts";
import { TechnicalDetailsContext } from "../context/TechnicalDetailsContext.ts";

/**
 * Everything inside the widget, composed: who the customer is, their ticket's flow
 * (`useTicketFlow`), and the shell around it — the launcher and the dialog, or the
 * inline panel.
 */
export function HelpWidgetContent(props: HelpWidgetOptions & OpenStateProps) {
  const locale = resolveLocale(props.locale, globalThis.navigator?.language);
  const messages = getMessages(locale);
  const [open, setOpen] = useOpenState(props);
  const isInline = props.inline === true || props.target !== undefined;
  const { tokens, client } = useWidgetClient(props);
  // Learns who the customer is once shown (the flow follows `tokens` itself).
  useCustomerKey(tokens, open || isInline);
  // The host's callbacks are read from the latest props when called.
  const flow = useTicketFlow(client, tokens, props);
  const panelRef = useRef<HTMLElement | null>(null);
  const launcherRef = useRef<HTMLButtonElement | null>(null);
  const dialogId = useId();
  const [listOpen, setListOpen] = useState(false);
  const justSent = useJustSent(flow.last);
  const details = {
    collect: props.collectContext !== false,
    host: props.context,
    draftKey: flow.draft.idempotencyKey,
    customerKey: flow.customerKey,
    resending: flow.form.seed !== null,
  };

  const body = (
    <>
      <HistorySwitch
        open={listOpen}
        onOpenChange={setListOpen}
        client={client}
        customerKey={flow.customerKey}
        justSent={justSent}
        onSendAgain={(summary) => {
          // The form again, with that summary (the draft's description stays).
          flow.draft.save({ summary, description: flow.draft.text?.description ?? "" });
          flow.sendAnother();
          setListOpen(false);
        }}
      />
      <div hidden={listOpen}>
        <TechnicalDetailsContext value={details}>
          <TicketFlowView
            flow={flow}
            shown={(open || isInline) && !listOpen}
            pasteRoot={panelRef}
          />
        </TechnicalDetailsContext>
      </div>
    </>
  );

  return (
    <MessagesContext value={{ locale, messages }}>
      <div
        className="rhw-root"
        lang={languageTag(locale)}
        dir="ltr"
        data-theme={props.theme ?? "auto"}
        data-position={props.position ?? "bottom-right"}
        data-layout={isInline ? "inline" : "floating"}
      >
        {isInline ? (
          <InlinePanel panelRef={panelRef}>{body}</InlinePanel>
        ) : (
          <>
            <Dialog
              id={dialogId}
              open={open}
              onClose={() => setOpen(false)}
              panelRef={panelRef}
              returnFocusTo={launcherRef}
            >
              {body}
            </Dialog>
            {props.launcher === false ? null : (
              <Launcher
                ref={launcherRef}
                open={open}
                dialogId={dialogId}
                onToggle={() => setOpen(!open)}
                recording={flow.attachments.inProgress?.kind === "recording"}
              />
            )}
          </>
        )}
      </div>
    </MessagesContext>
  );
}
