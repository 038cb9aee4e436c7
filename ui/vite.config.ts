import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri embeds ui/dist; `vite` alone serves the window for `tauri dev` on a fixed port.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebView2 (Windows), WebKitGTK 2.40+ (Linux) and Safari 16+ (macOS) all take ES2022.
    target: 'es2022',
  },
});
