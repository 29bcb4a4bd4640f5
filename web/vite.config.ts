// Vite configuration: Preact's JSX through esbuild (no plugin needed), relative
// asset paths so the built UI works wherever the server mounts it, and the dev
// server proxying /v1 to an API (the mock by default: `npm run mock`).
import { defineConfig } from "vite";

const api = process.env.HF_WEB_API ?? "http://127.0.0.1:8765";

export default defineConfig({
  base: "./",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    target: "es2020",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { "/v1": api } },
});
