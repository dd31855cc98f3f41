import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/**
 * Preloads the Latin Inter file fonts.css names, so it arrives alongside the script and the first
 * render already has it: no text is drawn twice and nothing shifts when the font comes.
 */
function preloadFont(pattern: RegExp): Plugin {
  return {
    name: 'crux-preload-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, path }) {
        // The answer page draws in the system font: nothing to preload there.
        if (path.endsWith('/svar.html')) return [];
        const font = Object.keys(bundle ?? {}).find((file) => pattern.test(file));
        if (!font) throw new Error(`no font matching ${pattern} in the build`);
        return [
          {
            tag: 'link',
            attrs: { rel: 'preload', href: `/${font}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

/**
 * The manifest lets the benchmark tell the first page's chunks from the lazy ones. No source maps in
 * the deployed assets: they would publish the source to anyone.
 */
export default defineConfig({
  plugins: [react(), preloadFont(/^assets\/inter-latin-wght-normal-[\w-]+\.woff2$/)],
  build: {
    target: 'es2022',
    // The participant survey's answer page is a page of its own, without React (survey/answer in README).
    rollupOptions: { input: { main: page('index.html'), answer: page('svar.html') } },
    manifest: true,
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  server: { strictPort: false },
});
