import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `vite build` builds the app with the widget (index.html); `--mode baseline` the same app
// without it (baseline.html), so the difference is what the widget adds to the first load.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  build: {
    outDir: mode === "baseline" ? "dist-baseline" : "dist",
    rollupOptions: { input: mode === "baseline" ? "baseline.html" : "index.html" },
  },
}));
