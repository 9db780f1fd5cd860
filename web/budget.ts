/**
 * The JavaScript budget of each route, checked by the build: the entry and every chunk a route
 * loads (its lazy page and what that imports), gzip-compressed, must stay under the budget, or
 * the build fails naming the route. The sizes are written to dist/budget.json for bench/RESULTS.md.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export function routeBudget(limitKb: number): Plugin {
  return {
    name: 'adl-route-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<
        string,
        { fileName: string; code: string; imports: string[]; name: string; isEntry: boolean; isDynamicEntry: boolean }
      >();
      for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
      const gz = new Map<string, number>();
      const sizeOf = (file: string): number => {
        if (!gz.has(file)) gz.set(file, gzipSync(chunks.get(file)?.code ?? '', { level: 9 }).length);
        return gz.get(file)!;
      };
      const closure = (file: string, seen: Set<string>): Set<string> => {
        if (seen.has(file) || !chunks.has(file)) return seen;
        seen.add(file);
        for (const next of chunks.get(file)!.imports) closure(next, seen);
        return seen;
      };
      const entry = [...chunks.values()].find((c) => c.isEntry);
      if (!entry) return;
      const shell = closure(entry.fileName, new Set());
      const routes: Record<string, number> = {};
      for (const [file, chunk] of chunks) {
        if (!chunk.isDynamicEntry) continue;
        const files = closure(file, new Set(shell));
        routes[chunk.name] = [...files].reduce((sum, f) => sum + sizeOf(f), 0);
      }
      routes['(shell)'] = [...shell].reduce((sum, f) => sum + sizeOf(f), 0);
      const over = Object.entries(routes).filter(([, bytes]) => bytes > limitKb * 1024);
      this.emitFile({ type: 'asset', fileName: 'budget.json', source: JSON.stringify({ limitKb, gzipBytes: routes }, null, 2) });
      if (over.length) {
        this.error(`JavaScript over the ${limitKb} KB budget: ${over.map(([r, b]) => `${r} ${(b / 1024).toFixed(1)} KB`).join(', ')}`);
      }
    },
  };
}

/**
 * Preloads the Arabic text face from the page's head, so that it downloads beside the script
 * rather than after the stylesheet is read: the first paint is in the right face, with no swap
 * moving the largest text later.
 */
export function preloadFonts(pattern: RegExp): Plugin {
  return {
    name: 'adl-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const fonts = Object.keys(ctx.bundle ?? {}).filter((file) => pattern.test(file));
        return fonts.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `/${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
