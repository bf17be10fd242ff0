import { describe, expect, it } from "vitest";
import {
  ALLOWED_EXTENSIONS,
  MIB,
  TICKET_LIMITS,
  checkDescription,
  checkFile,
  checkSummary,
  validateTicket,
  type FileFacts,
} from "../../contract/index.ts";

const EMOJI = "😀";
const E_ACUTE = "e\u0301"; // two code points
const ok = { summary: "Card blocked", description: "My card was blocked after a purchase." };
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

describe("validateTicket", () => {
  it("when everything is fine with 5 files, then there is no violation", () => {
    const files = Array.from({ length: 5 }, (_, i) => png(`s${i}.png`));
    expect(validateTicket(ok, files)).toEqual([]);
  });

  it("when 6 files are given, then TOO_MANY_FILES on attachments", () => {
    const files = Array.from({ length: 6 }, (_, i) => png(`s${i}.png`));
    expect(validateTicket(ok, files)).toEqual([{ code: "TOO_MANY_FILES", field: "attachments" }]);
  });

  it("when the files add up to exactly 50 MiB, then they pass; one byte more, then ATTACHMENTS_TOO_LARGE", () => {
    expect(validateTicket(ok, [png("a.png", 25 * MIB), png("b.png", 25 * MIB)])).toEqual([]);
    expect(
      validateTicket(ok, [png("a.png", 25 * MIB), png("b.png", 25 * MIB - 1), png("c.png", 2)]),
    ).toEqual([{ code: "ATTACHMENTS_TOO_LARGE", field: "attachments" }]);
  });

  it("when one file is at fault, then the violation names it with its index", () => {
    expect(validateTicket(ok, [png(), png("a.png.exe"), png("big.png", 25 * MIB + 1)])).toEqual([
      { code: "FILE_TYPE_NOT_ALLOWED", field: "attachments", fileIndex: 1, fileName: "a.png.exe" },
      { code: "FILE_TOO_LARGE", field: "attachments", fileIndex: 2, fileName: "big.png" },
    ]);
  });

  it("when several rules are broken, then every violation is listed in a stable order", () => {
    const files = Array.from({ length: 6 }, (_, i) => png(`s${i}.png`, 10 * MIB));
    expect(validateTicket({ summary: " ", description: "x".repeat(5001) }, files)).toEqual([
      { code: "SUMMARY_REQUIRED", field: "summary" },
      { code: "DESCRIPTION_TOO_LONG", field: "description" },
      { code: "TOO_MANY_FILES", field: "attachments" },
      { code: "ATTACHMENTS_TOO_LARGE", field: "attachments" },
    ]);
  });
});
