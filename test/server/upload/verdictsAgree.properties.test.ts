import busboy from "busboy";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API, MULTIPART_LIMITS, TICKET_LIMITS } from "../../../contract/index.ts";
import { readTextField } from "../../../server/upload/readTextField.ts";
import { ticketResolver, type TicketFormValues } from "../../../widget/form/ticketResolver.ts";
import { mixedText, textNearLimit } from "../../support/textArbitraries.ts";

type Verdicts = Record<keyof TicketFormValues, string | null>;

/** What the widget's form says of the texts: the code of each field's error, or null. */
async function widgetVerdicts(values: TicketFormValues): Promise<Verdicts> {
  const { errors } = await ticketResolver(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });
  return {
    summary: errors.summary?.message ?? null,
    description: errors.description?.message ?? null,
  };
}

/**
 * What the proxy says of the same texts as the widget sends them: trimmed, in a FormData
 * encoded the way browsers encode it (undici implements the same WHATWG algorithm, CRLF line
 * breaks included), read by busboy with the proxy's limits, each field judged by the proxy's
 * own readTextField.
 */
async function proxyVerdicts(values: TicketFormValues): Promise<Verdicts> {
  const form = new FormData();
  form.append(API.fields.summary, values.summary.trim());
  form.append(API.fields.description, values.description.trim());
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const contentType = encoded.headers.get("content-type") ?? "";
  const verdicts: Verdicts = { summary: null, description: null };
  await new Promise<void>((resolve, reject) => {
    const parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: MULTIPART_LIMITS,
    });
    parser.on("field", (name, value, info) => {
      if (name !== "summary" && name !== "description") return;
      const read = readTextField(name, value, info.valueTruncated);
      verdicts[name] = "code" in read ? read.code : null;
    });
    parser.on("close", resolve);
    parser.on("error", reject);
    parser.end(body);
  });
  return verdicts;
}

// A textarea's value holds line breaks as LF alone (HTML's "API value"); so does the draft.
const asTyped = (text: string): string => text.replace(/\r\n?/g, "\n");
const summaries = fc.oneof(mixedText(60), textNearLimit(TICKET_LIMITS.summaryMaxChars));
const descriptions = fc.oneof(
  mixedText(60),
  textNearLimit(TICKET_LIMITS.descriptionMaxChars),
  // Lines near the limit: a textarea's LF goes out as CRLF, two code points on the wire.
  fc
    .record({ line: mixedText(20), count: fc.integer({ min: 1, max: 400 }) })
    .map(({ line, count }) => `${line}\n`.repeat(count)),
);

const fitsField = (text: string): boolean =>
  Buffer.byteLength(text.trim()) < MULTIPART_LIMITS.fieldSize;
const accepts = (verdicts: Verdicts) => ({
  summary: verdicts.summary === null,
  description: verdicts.description === null,
});

describe("the widget's and the proxy's verdicts on the texts", () => {
  it("when any summary and description are judged by both, then the proxy accepts exactly what the widget accepts", async () => {
    await fc.assert(
      fc.asyncProperty(summaries, descriptions, async (summary, description) => {
        const values = { summary: asTyped(summary), description: asTyped(description) };
        const [widget, proxy] = [await widgetVerdicts(values), await proxyVerdicts(values)];
        expect(accepts(proxy)).toEqual(accepts(widget));
        // busboy keeps only the first bytes of an oversized field, so the proxy cannot tell
        // "nothing visible" from "too long" past them: it says too long; the widget may say
        // required. Within the limit, the codes are the same.
        if (fitsField(values.summary)) expect(proxy.summary).toBe(widget.summary);
        if (fitsField(values.description)) expect(proxy.description).toBe(widget.description);
      }),
      { numRuns: 300 },
    );
  });
});
