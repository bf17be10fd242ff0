import { describe, expect, it, vi } from "vitest";
import { act, fireEvent, render, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createHelpWidget, type ShadowForm } from "../../../widget/app/createHelpWidget.tsx";
import { HelpWidgetInShadow } from "../../../widget/app/HelpWidgetInShadow.tsx";
import { fakeToken } from "../support/builders.ts";

/** A form chunk whose arrival the test decides: each call to load() waits for settle(). */
function controlledChunk() {
  const calls: { resolve(form: ShadowForm): void; reject(error: Error): void }[] = [];
  const load = vi.fn(
    () =>
      new Promise<ShadowForm>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  );
  return {
    load,
    arrive: (n = calls.length - 1) => act(() => calls[n]?.resolve(HelpWidgetInShadow)),
    fail: (n = calls.length - 1) => act(() => calls[n]?.reject(new Error("chunk 404"))),
  };
}

/** The widget's shadow root, once the component has made it. */
async function shadowOf(container: HTMLElement) {
  const host = container.querySelector<HTMLElement>(".ripio-help-widget");
  await waitFor(() => expect(host?.shadowRoot?.querySelector("button, .rhw-root")).toBeTruthy());
  return within(host?.shadowRoot as unknown as HTMLElement);
}

describe("HelpWidget loads its form on intent", () => {
  it("when it renders, then the launcher is there at once and the form is not fetched", async () => {
    const chunk = controlledChunk();
    const HelpWidget = createHelpWidget(chunk.load);
    const { container } = render(<HelpWidget customerToken={fakeToken("cus_x")} locale="en" />);
    const shadow = await shadowOf(container);
    expect(shadow.getByRole("button", { name: "Help" })).toHaveAttribute("aria-busy", "false");
    expect(chunk.load).not.toHaveBeenCalled();
  });

  it("when the pointer or focus reaches the launcher, then the form is fetched but stays closed", async () => {
    const chunk = controlledChunk();
    const HelpWidget = createHelpWidget(chunk.load);
    const { container } = render(<HelpWidget customerToken={fakeToken("cus_x")} locale="en" />);
    const launcher = (await shadowOf(container)).getByRole("button", { name: "Help" });
    fireEvent.pointerEnter(launcher);
    fireEvent.focus(launcher);
    expect(chunk.load).toHaveBeenCalledTimes(1);
    await chunk.arrive();
    expect(launcher).toHaveAttribute("aria-busy", "false");
    expect(
      container.querySelector(".ripio-help-widget")?.shadowRoot?.querySelector(".rhw-root"),
    ).toBeNull();
  });

  it("when the launcher is clicked, then it shows it is loading and the dialog opens once the form arrives", async () => {
    const chunk = controlledChunk();
    const onOpenChange = vi.fn();
    const HelpWidget = createHelpWidget(chunk.load);
    const { container } = render(
      <HelpWidget customerToken={fakeToken("cus_x")} locale="en" onOpenChange={onOpenChange} />,
    );
    const shadow = await shadowOf(container);
    await userEvent.setup().click(shadow.getByRole("button", { name: "Help" }));
    expect(shadow.getByRole("button", { name: "Help" })).toHaveAttribute("aria-busy", "true");
    expect(onOpenChange).toHaveBeenCalledWith(true);
    await chunk.arrive();
    const dialog = await shadow.findByRole("dialog", { hidden: true });
    expect(dialog).not.toHaveAttribute("hidden");
    expect(shadow.getByRole("textbox", { name: "Summary" })).toBeInTheDocument();
  });

  it("when the chunk fails, then 'Help could not be loaded' offers a retry that loads it", async () => {
    const chunk = controlledChunk();
    const HelpWidget = createHelpWidget(chunk.load);
    const { container } = render(<HelpWidget customerToken={fakeToken("cus_x")} locale="en" />);
    const shadow = await shadowOf(container);
    const user = userEvent.setup();
    await user.click(shadow.getByRole("button", { name: "Help" }));
    await chunk.fail();
    expect(await shadow.findByRole("alert")).toHaveTextContent("Help could not be loaded.");
    expect(shadow.getByRole("button", { name: "Help" })).toHaveAttribute("aria-busy", "false");
    await user.click(shadow.getByRole("button", { name: "Retry" }));
    expect(chunk.load).toHaveBeenCalledTimes(2);
    await chunk.arrive();
    expect(await shadow.findByRole("textbox", { name: "Summary" })).toBeInTheDocument();
    expect(shadow.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("when defaultOpen, open or inline asks for it, then the form is fetched at once", async () => {
    for (const props of [{ defaultOpen: true }, { open: true }, { inline: true }]) {
      const chunk = controlledChunk();
      const HelpWidget = createHelpWidget(chunk.load);
      const { container, unmount } = render(
        <HelpWidget customerToken={fakeToken("cus_x")} locale="es" {...props} />,
      );
      await waitFor(() => expect(chunk.load).toHaveBeenCalledTimes(1));
      await chunk.arrive();
      const shadow = await shadowOf(container);
      expect(await shadow.findByRole("textbox", { name: /Resumen/ })).toBeInTheDocument();
      unmount();
    }
  });

  it("when launcher is false, then nothing is drawn until the host opens it", async () => {
    const chunk = controlledChunk();
    const HelpWidget = createHelpWidget(chunk.load);
    const token = fakeToken("cus_x");
    const { container, rerender } = render(
      <HelpWidget customerToken={token} locale="en" launcher={false} open={false} />,
    );
    await waitFor(() =>
      expect(container.querySelector(".ripio-help-widget")?.shadowRoot).toBeTruthy(),
    );
    expect(
      container.querySelector(".ripio-help-widget")?.shadowRoot?.querySelector("button"),
    ).toBeNull();
    expect(chunk.load).not.toHaveBeenCalled();
    rerender(<HelpWidget customerToken={token} locale="en" launcher={false} open />);
    await waitFor(() => expect(chunk.load).toHaveBeenCalledTimes(1));
  });
});
