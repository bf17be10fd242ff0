import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HelpWidget } from "../../../widget/index.ts";

// Node, as a Next.js or Remix server renders: no window, no document, so touching either throws.
describe("HelpWidget under react-dom/server", () => {
  it("when the package entry is imported and rendered with no DOM, then it gives the empty host element", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
    for (const props of [{}, { defaultOpen: true }, { open: true }, { inline: true }]) {
      const html = renderToString(<HelpWidget customerToken="eyJ.x.y" locale="en" {...props} />);
      expect(html).toBe('<div class="ripio-help-widget"></div>');
    }
  });
});
