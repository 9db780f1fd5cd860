/**
 * The portal's build (docs/portal.md). `npm run build:web` writes web/dist, which `npm start`
 * serves on the API's port; `npm run dev:web` serves it with hot reload on 5173, passing API calls
 * to the API on PORT (default 3000).
 */
import { defineConfig } from 'vite';
import { preloadFonts, routeBudget } from './budget.ts';

const api = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
const proxied = ['/graphql', '/auth', '/uploads', '/attachments', '/documents', '/payments', '/calendar', '/verify/'];

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // Preact: React's component model at a tenth of its weight (docs/portal.md).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  plugins: [routeBudget(150), preloadFonts(/noto-sans-arabic-arabic-(400|700)-normal-[^/]*\.woff2$/)],
  server: { port: 5173, proxy: Object.fromEntries(proxied.map((p) => [p, { target: api, changeOrigin: false }])) },
});
