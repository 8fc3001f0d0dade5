import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const repositoryRoot = path.dirname(fileURLToPath(import.meta.url));
const apiServer = "http://localhost:3000";

export default defineConfig({
  root: path.join(repositoryRoot, "src/web"),
  plugins: [react()],
  build: {
    outDir: path.join(repositoryRoot, "dist/web"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      "/api": apiServer,
      "/status": apiServer,
    },
  },
});
