import { describe, expect, it } from "vitest";
import {
  ALLOWED_EXTENSIONS,
  ERROR_CODES,
  FILE_REJECTION_CODES,
  MIB,
  TICKET_LIMITS,
  checkDescription,
  checkFile,
  checkSummary,
  isFileRejectionCode,
  judgeFiles,
  type FileFacts,
} from "../../contract/index.ts";

const EMOJI = "😀";
const E_ACUTE = "e\u0301"; // two code points
const png = (name = "shot.png", size = 1000): FileFacts => ({ name, size, type: "image/png" });

describe("the limits", () => {
  it("when read, then they are Ripio's documented values with MB = MiB", () => {
    expect(TICKET_LIMITS).toEqual({
      summaryMaxChars: 240,
      descriptionMaxChars: 5000,
      maxFiles: 5,
      maxFileBytes: 26_214_400,
      maxTotalBytes: 52_428_800,
    });
    expect(MIB).toBe(1_048_576);
  });
});

describe("checkSummary", () => {
  it.each([
    ["240 letters", "a".repeat(240), null],
    ["241 letters", "a".repeat(241), "SUMMARY_TOO_LONG"],
    ["240 emoji", EMOJI.repeat(240), null],
    ["241 emoji", EMOJI.repeat(241), "SUMMARY_TOO_LONG"],
    ["120 combining pairs (240 code points)", E_ACUTE.repeat(120), null],
    ["120 pairs and one letter (241 code points)", `${E_ACUTE.repeat(120)}a`, "SUMMARY_TOO_LONG"],
    ["240 letters padded with white space", `   ${"a".repeat(240)}\n\t`, null],
    ["only white space", " \n\t ", "SUMMARY_REQUIRED"],
    ["empty", "", "SUMMARY_REQUIRED"],
    ["a zero-width space alone", "\u200B", "SUMMARY_REQUIRED"],
    ["joiners, word joiner and BOM amid spaces", " \u200D\u2060 \uFEFF\u200C ", "SUMMARY_REQUIRED"],
    [
      "241 zero-width spaces (nothing to read, however long)",
      "\u200B".repeat(241),
      "SUMMARY_REQUIRED",
    ],
    ["a letter among zero-width spaces", "\u200Ba\u200B", null],
    [
      "239 letters and 2 zero-width spaces (every code point counts)",
      `${"a".repeat(239)}\u200B\u200B`,
      "SUMMARY_TOO_LONG",
    ],
  ])("when the summary is %s, then it answers %s", (_, summary, expected) => {
    expect(checkSummary(summary)).toBe(expected);
  });
});

describe("checkDescription", () => {
  it.each([
    ["5000 letters", "d".repeat(5000), null],
    ["5001 letters", "d".repeat(5001), "DESCRIPTION_TOO_LONG"],
    ["5000 emoji", EMOJI.repeat(5000), null],
    ["5001 emoji", EMOJI.repeat(5001), "DESCRIPTION_TOO_LONG"],
    ["2500 combining pairs", E_ACUTE.repeat(2500), null],
    ["2500 combining pairs and one letter", `${E_ACUTE.repeat(2500)}x`, "DESCRIPTION_TOO_LONG"],
    ["blank after trimming", "\n\n   \t", "DESCRIPTION_REQUIRED"],
    ["only invisible format characters", "\u200B\u2060\u00AD\u061C", "DESCRIPTION_REQUIRED"],
  ])("when the description is %s, then it answers %s", (_, description, expected) => {
    expect(checkDescription(description)).toBe(expected);
  });
});

describe("checkFile", () => {
  it.each(ALLOWED_EXTENSIONS)("when the extension is .%s, then it is allowed", (ext) => {
    expect(checkFile({ name: `file.${ext}`, size: 10 })).toBeNull();
    expect(checkFile({ name: `FILE.${ext.toUpperCase()}`, size: 10 })).toBeNull();
  });

  it.each(["noextension", "a.png.exe", "photo.gif", "doc.docx", ".png", "trailing.", "x.svg"])(
    "when the file is named %s, then it answers FILE_TYPE_NOT_ALLOWED",
    (name) => {
      expect(checkFile({ name, size: 10 })).toBe("FILE_TYPE_NOT_ALLOWED");
    },
  );

  it("when a file is exactly 25 MiB, then it passes; one byte more, then FILE_TOO_LARGE", () => {
    expect(checkFile(png("a.png", 25 * MIB))).toBeNull();
    expect(checkFile(png("a.png", 25 * MIB + 1))).toBe("FILE_TOO_LARGE");
  });

  it("when the declared type contradicts the extension, then FILE_TYPE_NOT_ALLOWED; an empty type passes", () => {
    expect(checkFile({ name: "a.png", size: 1, type: "application/pdf" })).toBe(
      "FILE_TYPE_NOT_ALLOWED",
    );
    expect(checkFile({ name: "clip.mov", size: 1, type: "" })).toBeNull();
    expect(checkFile({ name: "clip.mov", size: 1 })).toBeNull();
  });
});

describe("judgeFiles", () => {
  it("when 5 fine files are added, then all are attached", () => {
    const files = Array.from({ length: 5 }, (_, i) => png(`s${i}.png`));
    expect(judgeFiles(files)).toEqual([null, null, null, null, null]);
  });

  it("when a sixth file is added, then it alone is refused for the count", () => {
    const attached = Array.from({ length: 5 }, (_, i) => png(`s${i}.png`));
    expect(judgeFiles([png("s5.png")], attached)).toEqual(["TOO_MANY_FILES"]);
    expect(judgeFiles([...attached, png("s5.png")])).toEqual([
      ...attached.map(() => null),
      "TOO_MANY_FILES",
    ]);
  });

  it("when the files add up to exactly 50 MiB, then they pass; the file that goes one byte over is refused", () => {
    expect(judgeFiles([png("a.png", 25 * MIB), png("b.png", 25 * MIB)])).toEqual([null, null]);
    expect(
      judgeFiles([png("a.png", 25 * MIB), png("b.png", 25 * MIB - 1), png("c.png", 2)]),
    ).toEqual([null, null, "ATTACHMENTS_TOO_LARGE"]);
  });

  it("when a file breaks its own rule, then it is refused for that and takes no room from the next", () => {
    const four = Array.from({ length: 4 }, (_, i) => png(`s${i}.png`));
    expect(
      judgeFiles([png("a.png.exe"), png("big.png", 25 * MIB + 1), png("last.png")], four),
    ).toEqual(["FILE_TYPE_NOT_ALLOWED", "FILE_TOO_LARGE", null]);
  });

  it("when a file is wrong in type and also over the count, then its own rule is named", () => {
    const five = Array.from({ length: 5 }, (_, i) => png(`s${i}.png`));
    expect(judgeFiles([png("a.exe")], five)).toEqual(["FILE_TYPE_NOT_ALLOWED"]);
  });
});

describe("the codes a file is refused with", () => {
  it("when files break each rule judgeFiles knows, then every verdict is a file rejection code", () => {
    const five = Array.from({ length: 5 }, (_, i) => png(`s${i}.png`));
    const verdicts = [
      ...judgeFiles([png("a.exe"), png("big.png", 25 * MIB + 1)]),
      ...judgeFiles([png("sixth.png")], five),
      ...judgeFiles([png("c.png", 2)], [png("a.png", 25 * MIB), png("b.png", 25 * MIB)]),
    ];
    expect(verdicts).toEqual([
      "FILE_TYPE_NOT_ALLOWED",
      "FILE_TOO_LARGE",
      "TOO_MANY_FILES",
      "ATTACHMENTS_TOO_LARGE",
    ]);
    for (const code of verdicts) expect(code !== null && isFileRejectionCode(code)).toBe(true);
  });

  it("when every error code is asked about, then only the five about files (content included) are file rejection codes", () => {
    const fileCodes = ERROR_CODES.filter((code) => isFileRejectionCode(code));
    expect(new Set(fileCodes)).toEqual(
      new Set([
        "FILE_TYPE_NOT_ALLOWED",
        "FILE_CONTENT_MISMATCH",
        "FILE_TOO_LARGE",
        "TOO_MANY_FILES",
        "ATTACHMENTS_TOO_LARGE",
      ]),
    );
    expect(new Set(FILE_REJECTION_CODES)).toEqual(new Set(fileCodes));
    expect(isFileRejectionCode("NETWORK_ERROR")).toBe(false);
  });
});
