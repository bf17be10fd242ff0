import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useStoredValue } from "../../../widget/storage/useStoredValue.ts";

interface Note {
  text: string;
}
const isNote = (value: unknown): value is Note =>
  typeof (value as Partial<Note> | null)?.text === "string";
const STORED = "ripio-help/v1/note/cus_1";

describe("useStoredValue", () => {
  it("when a value is set, then it is rendered and kept in sessionStorage; null removes it", () => {
    const { result } = renderHook(() => useStoredValue("note/cus_1", isNote));
    expect(result.current[0]).toBeNull();

    act(() => result.current[1]({ text: "hello" }));
    expect(result.current[0]).toEqual({ text: "hello" });
    expect(JSON.parse(sessionStorage.getItem(STORED) ?? "null")).toEqual({ text: "hello" });

    act(() => result.current[1](null));
    expect(result.current[0]).toBeNull();
    expect(sessionStorage.getItem(STORED)).toBeNull();
  });

  it("when an update follows a clear before any render, then it sees the clear and brings nothing back", () => {
    sessionStorage.setItem(STORED, JSON.stringify({ text: "sent" }));
    const { result } = renderHook(() => useStoredValue("note/cus_1", isNote));
    // The setter as an older render handed it out (a late effect holds this one).
    const setFromOlderRender = result.current[1];
    expect(result.current[0]).toEqual({ text: "sent" });

    act(() => {
      result.current[1](null); // the user leaves the ticket
      setFromOlderRender((current) => (current ? { text: `${current.text}, updated` } : current));
    });
    expect(result.current[0]).toBeNull();
    expect(sessionStorage.getItem(STORED)).toBeNull();
  });

  it("when updates come one after another in one event, then each builds on the one before", () => {
    const { result } = renderHook(() => useStoredValue(null, isNote));
    act(() => {
      result.current[1]({ text: "a" });
      result.current[1]((current) => ({ text: `${current?.text ?? ""}b` }));
      result.current[1]((current) => ({ text: `${current?.text ?? ""}c` }));
    });
    expect(result.current[0]).toEqual({ text: "abc" });
  });

  it("when the key changes, then the other key's stored value shows and updates build on it", () => {
    sessionStorage.setItem("ripio-help/v1/note/cus_2", JSON.stringify({ text: "bob's" }));
    const { result, rerender } = renderHook(({ key }) => useStoredValue(key, isNote), {
      initialProps: { key: "note/cus_1" },
    });
    act(() => result.current[1]({ text: "alice's" }));

    rerender({ key: "note/cus_2" });
    expect(result.current[0]).toEqual({ text: "bob's" });
    act(() => result.current[1]((current) => ({ text: `${current?.text ?? "?"} too` })));
    expect(result.current[0]).toEqual({ text: "bob's too" });
    expect(JSON.parse(sessionStorage.getItem(STORED) ?? "null")).toEqual({ text: "alice's" });
  });
});
