import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Every test starts from an empty page and an empty session (drafts, last ticket).
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
