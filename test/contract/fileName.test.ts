import { describe, expect, it } from "vitest";
import { fileExtension, sanitizeFileName } from "../../contract/index.ts";

describe("sanitizeFileName", () => {
  it.each([
    ["a Unix path climbing up", "../../etc/passwd.png", "passwd.png"],
    ["a Windows path", "C:\\Users\\me\\shot.png", "shot.png"],
    ["C0 controls and a newline", "a\u0000b\n\r.png", "ab.png"],
    ["C1 controls and DEL", "a\u0085\u007fb.png", "ab.png"],
    ["a right-to-left override hiding .exe", "photo\u202Egnp.exe", "photognp.exe"],
    ["bidi isolates", "x\u2066y\u2069.pdf", "xy.pdf"],
    ["leading dots", ".hidden.png", "hidden.png"],
    ["white space around", "  spaced.png  ", "spaced.png"],
    ["an upper-case extension", "SHOT.PNG", "SHOT.PNG"],
    ["non-Latin letters and emoji", "captura ñ 📷.png", "captura ñ 📷.png"],
  ])("when the name has %s, then it becomes a clean base name", (_, name, expected) => {
    expect(sanitizeFileName(name)).toBe(expected);
  });

  it.each(["", "../", "...", "\u202E"])(
    "when nothing is left of %j, then it is 'attachment'",
    (name) => {
      expect(sanitizeFileName(name)).toBe("attachment");
    },
  );

  it("when dots and spaces mix at the start, then all of them go", () => {
    expect(sanitizeFileName(". . .hidden shot.png")).toBe("hidden shot.png");
  });

  it("when a long name's last dot starts a long tail, then it is cut to 200 like any name", () => {
    const cleaned = sanitizeFileName(`a.${"b".repeat(300)}`);
    expect([...cleaned]).toHaveLength(200);
    expect(cleaned.startsWith("a.b")).toBe(true);
  });

  it("when a control character hides inside the extension, then the real extension shows", () => {
    expect(fileExtension(sanitizeFileName("report.png\u0000.exe"))).toBe("exe");
  });

  it("when the name is longer than 200 code points, then it is cut to 200 keeping the extension", () => {
    for (const unit of ["a", "😀"]) {
      const cleaned = sanitizeFileName(`${unit.repeat(250)}.webm`);
      expect([...cleaned]).toHaveLength(200);
      expect(cleaned.endsWith(`${unit}.webm`)).toBe(true);
    }
  });
});
