import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../contract/index.ts";
import { getMessages } from "../../../widget/messages/index.ts";
import { launcherMessages } from "../../../widget/shell/launcherMessages.ts";

describe("the loader's own copy of its labels", () => {
  it.each(LOCALES)(
    "when the loader speaks %s, then its labels are the catalogue's, word for word",
    (locale) => {
      const { launcher, loadFailed, retry } = getMessages(locale);
      expect(launcherMessages[locale]).toEqual({ launcher, loadFailed, retry });
    },
  );
});
