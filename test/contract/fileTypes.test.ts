import { describe, expect, it } from "vitest";
import {
  ALLOWED_EXTENSIONS,
  SIGNATURE_BYTES,
  acceptMap,
  fileExtension,
  isAllowedExtension,
  isMimeCompatible,
  matchesSignature,
  usualMimeType,
} from "../../contract/index.ts";
import { SAMPLE_HEADS, fileBytes } from "../support/sandboxFiles.ts";

describe("ALLOWED_EXTENSIONS", () => {
  it("when listed, then they are Ripio's nine, lower case", () => {
    expect(ALLOWED_EXTENSIONS).toEqual([
      "jpg",
      "jpeg",
      "png",
      "webp",
      "mp4",
      "mov",
      "avi",
      "webm",
      "pdf",
    ]);
  });
});

describe("fileExtension and isAllowedExtension", () => {
  it.each([
    ["photo.PNG", "png"],
    ["a.png.exe", "exe"],
    ["archive.tar.gz", "gz"],
    ["noextension", ""],
    [".png", ""],
    ["trailing.", ""],
  ])("when the name is %s, then the extension is %j", (name, ext) => {
    expect(fileExtension(name)).toBe(ext);
  });

  it("when an extension is checked, then only the lower-case allowed ones pass", () => {
    for (const ext of ALLOWED_EXTENSIONS) expect(isAllowedExtension(ext)).toBe(true);
    for (const ext of ["PNG", "exe", "", "gif", "toString", "__proto__"]) {
      expect(isAllowedExtension(ext)).toBe(false);
    }
  });
});

describe("matchesSignature", () => {
  it.each(ALLOWED_EXTENSIONS)("when a real .%s header is checked, then it matches", (ext) => {
    expect(matchesSignature(ext, fileBytes(ext, SIGNATURE_BYTES))).toBe(true);
  });

  it.each(ALLOWED_EXTENSIONS)(
    "when .%s is claimed by the bytes of another kind, then it fails",
    (ext) => {
      const other = ext === "pdf" ? "png" : "pdf";
      expect(matchesSignature(ext, fileBytes(other, SIGNATURE_BYTES))).toBe(false);
    },
  );

  it("when the head is empty or cut short, then it fails", () => {
    expect(matchesSignature("png", new Uint8Array())).toBe(false);
    expect(matchesSignature("png", Uint8Array.from(SAMPLE_HEADS.png.slice(0, 7)))).toBe(false);
  });

  it("when RIFF carries AVI, then it is not a webp (and the reverse)", () => {
    expect(matchesSignature("webp", fileBytes("avi", 16))).toBe(false);
    expect(matchesSignature("avi", fileBytes("webp", 16))).toBe(false);
  });

  it("when a QuickTime file starts with a moov box, then it is a .mov", () => {
    const head = Uint8Array.from([0, 0, 0, 8, ...Buffer.from("moov"), 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(matchesSignature("mov", head)).toBe(true);
  });

  it("when the JPEG magic claims .jpeg or .jpg, then both match", () => {
    expect(matchesSignature("jpeg", fileBytes("jpg", 16))).toBe(true);
    expect(matchesSignature("jpg", fileBytes("jpeg", 16))).toBe(true);
  });
});

describe("isMimeCompatible", () => {
  it.each([
    ["mov", "", true],
    ["mov", "video/quicktime", true],
    ["mp4", "video/mp4", true],
    ["png", "application/octet-stream", true],
    ["png", "IMAGE/PNG; charset=binary", true],
    ["png", "image/jpeg", false],
    ["pdf", "text/plain", false],
    ["webm", "video/mp4", false],
  ] as const)("when .%s comes typed %j, then it is %s", (ext, mime, expected) => {
    expect(isMimeCompatible(ext, mime)).toBe(expected);
  });
});

describe("acceptMap", () => {
  it("when built, then every allowed extension appears under at least one MIME type", () => {
    const map = acceptMap();
    const extensions = new Set(Object.values(map).flat());
    expect([...extensions].sort()).toEqual(ALLOWED_EXTENSIONS.map((e) => `.${e}`).sort());
    expect(map["image/jpeg"]).toEqual([".jpg", ".jpeg"]);
    expect(map["video/quicktime"]).toEqual([".mov"]);
  });

  it("when built twice, then the results are independent copies", () => {
    const first = acceptMap();
    first["image/png"]?.push(".gif");
    expect(acceptMap()["image/png"]).toEqual([".png"]);
  });
});

describe("usualMimeType", () => {
  it("when asked for each extension, then it gives a type the extension accepts, QuickTime for mov", () => {
    for (const ext of ALLOWED_EXTENSIONS)
      expect(isMimeCompatible(ext, usualMimeType(ext))).toBe(true);
    expect(usualMimeType("mov")).toBe("video/quicktime");
    expect(usualMimeType("jpg")).toBe("image/jpeg");
  });
});
