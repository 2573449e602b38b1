// Builds the embeddable widget into dist/public with fixed file names (no hashes):
//   embed.js  – the loader, a classic script (IIFE) publishers paste on their pages
//   widget.js – the Preact widget, an ES module the loader imports (+ chunk-*.js if any)
//   count.js  – the comment-count script, a classic script (IIFE)
//   support.js – the fundraising goal bar, a classic script (IIFE)
//   admin.js   – the moderation console (web/admin), a classic script (IIFE) with its CSS inlined
//   inline.js  – inline feedback in the host page (web/inline), an ES module the widget imports when needed
// The loader and count script must be self-contained classic scripts, while the widget is
// an ES module, so each is built as its own environment (one output format each).
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const outDir = here('../dist/public');

function environment(
  entry: string,
  fileName: string,
  format: 'es' | 'iife',
  emptyOutDir = false,
): EnvironmentOptions {
  return {
    consumer: 'client',
    build: {
      outDir,
      emptyOutDir,
      copyPublicDir: false,
      modulePreload: false,
      target: 'es2020',
      minify: 'oxc',
      cssCodeSplit: false,
      reportCompressedSize: true,
      // Library mode: no HTML entry, and no module-preload wrapper around the loader's
      // dynamic import of widget.js.
      lib: { entry: here(entry), formats: [format], name: 'colloquy', fileName: () => fileName },
      rolldownOptions: {
        // widget.js may export more than mount(): its lazily loaded chunks (the profile view)
        // import what they share with it from it, rather than from a third file.
        preserveEntrySignatures: 'allow-extension',
        output: {
          // Library mode keeps whitespace in ES output (meant for re-bundling); ours ships as is.
          minify: true,
          comments: false,
          chunkFileNames: 'widget-[name].js',
          assetFileNames: 'widget-[name][extname]',
        },
      },
    },
  };
}

export default defineConfig({
  root: here('..'),
  publicDir: false,
  logLevel: 'warn',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  environments: {
    widget: environment('./widget/index.tsx', 'widget.js', 'es', true),
    embed: environment('./widget/loader.ts', 'embed.js', 'iife'),
    count: environment('./widget/count.ts', 'count.js', 'iife'),
    support: environment('./support/bar.ts', 'support.js', 'iife'),
    admin: environment('./admin/index.tsx', 'admin.js', 'iife'),
    // Inline feedback in the host page (web/inline/page): imported by the widget only on pages that use it.
    inline: environment('./inline/page/index.ts', 'inline.js', 'es'),
  },
  builder: {
    async buildApp(builder) {
      // Sequential: the first build empties dist/public, the others add to it.
      for (const name of ['widget', 'embed', 'count', 'support', 'admin', 'inline']) {
        const env = builder.environments[name];
        if (!env) throw new Error(`missing build environment ${name}`);
        await builder.build(env);
      }
    },
  },
});
