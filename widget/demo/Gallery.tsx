import { useEffect, useRef, useState, type ReactElement } from "react";
import { HelpWidget } from "../app/HelpWidget.tsx";
import { getMessages } from "../messages/index.ts";
import { resolveLocale } from "../messages/resolveLocale.ts";
import type { HelpWidgetOptions } from "../app/HelpWidgetOptions.ts";
import { STORY_GROUPS, stories, type Story } from "./stories.ts";
import { applyScenario, demoToken, freshCustomer } from "./sandboxApi.ts";
import { createPlay } from "./play.ts";
import { StoryControls, type Controls } from "./StoryControls.tsx";

const storyFromHash = (): Story => stories.find((s) => `#${s.id}` === location.hash) ?? stories[0]!;

async function shadowRootIn(stage: HTMLElement): Promise<ShadowRoot> {
  for (let i = 0; i < 100; i += 1) {
    const host = [...stage.querySelectorAll("*")].find((el) =>
      el.shadowRoot?.querySelector("form"),
    );
    if (host?.shadowRoot) return host.shadowRoot;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The widget did not render its form.");
}

/** The storybook-style gallery: every state of the real widget, against the sandbox. */
export function Gallery(): ReactElement {
  const [story, setStory] = useState(storyFromHash);
  const [run, setRun] = useState(0);
  const [token, setToken] = useState<string | null>(null);
  const [customerId, setCustomerId] = useState("cus_demo_alice");
  const [controls, setControls] = useState<Controls>({});
  const [error, setError] = useState<string | null>(null);
  const stage = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onHash = (): void => setStory(storyFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  // Before the widget mounts (it renders once the token is there): it reads what the browser offers.
  useEffect(() => story.setup?.(), [story, run]);

  useEffect(() => {
    let live = true;
    setToken(null);
    setError(null);
    // Each story starts fresh: no saved draft or ticket from the one before.
    sessionStorage.clear();
    applyScenario(story.scenario ?? {}, story.faults ?? [])
      .then(async () => {
        const customer = story.freshCustomer
          ? await freshCustomer()
          : (story.customerId ?? "cus_demo_alice");
        if (live) setCustomerId(customer);
        return demoToken(customer, story.tokenTtlSeconds);
      })
      .then((fresh) => live && setToken(fresh))
      .catch((e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, [story, run]);

  useEffect(() => {
    if (!token || !story.play || !stage.current) return;
    const locale = controls.locale ?? story.props?.locale;
    const resolved = resolveLocale(locale, navigator.language);
    const text = getMessages(resolved);
    shadowRootIn(stage.current)
      .then((root) => story.play?.(createPlay(root), text, resolved))
      .catch((e: unknown) => setError(String(e)));
    // The play runs once per story start, not on every control change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  const { inline, ...storyProps } = story.props ?? {};
  const props: HelpWidgetOptions = { ...storyProps, ...controls };
  return (
    <div className="gallery">
      <nav className="sidebar" aria-label="Stories">
        <h1>Ripio Help Widget</h1>
        {STORY_GROUPS.map((group) => (
          <section key={group}>
            <h2>{group}</h2>
            <ul>
              {stories
                .filter((s) => s.group === group)
                .map((s) => (
                  <li key={s.id}>
                    <a href={`#${s.id}`} aria-current={s.id === story.id ? "page" : undefined}>
                      {s.title}
                    </a>
                  </li>
                ))}
            </ul>
          </section>
        ))}
        <p>
          <a href="/embed.html">Plain host page (script tag)</a>
        </p>
      </nav>
      <main className="stage-wrap">
        <header className="toolbar">
          <h2>{story.title}</h2>
          <StoryControls value={controls} onChange={setControls} />
          <button type="button" onClick={() => setRun((n) => n + 1)}>
            Replay story
          </button>
        </header>
        {error && <p role="alert">{error}</p>}
        <div className="stage" ref={stage}>
          {token && (
            <HelpWidget
              key={`${story.id}-${run}`}
              customerToken={token}
              getCustomerToken={() => demoToken(customerId)}
              defaultOpen
              {...(inline ? { inline: true } : {})}
              {...props}
            />
          )}
        </div>
      </main>
    </div>
  );
}
