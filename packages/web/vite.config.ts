import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The manifest lets the benchmark tell the first page's chunks from the lazy ones. No source maps in
 * the deployed assets: they would publish the source to anyone.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    manifest: true,
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  server: { strictPort: false },
});
