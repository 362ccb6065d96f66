#!/usr/bin/env node
// Bundles the compiled emulator (dist/, from tsc) and its dependencies into one ESM file: the CLI
// entry as `npm start`, the package's bin and the Docker image run it. The process then reads and
// compiles one file instead of resolving and loading ~170 of ours and hundreds of the dependencies'
// (start-up to /health 964 -> 768 ms on the bench machine, issue 6). The programmatic API
// (dist/index.js) stays unbundled: it is imported by the user's tests, next to their own modules.
//
//   node scripts/bundle.mjs <entry> <outfile> [external package...]
//   node scripts/bundle.mjs dist/main.js dist/main.js pino pino-pretty   # npm run build: in place
//
// Place the output at the same depth as the entry (bundle/dist/main.js for dist/main.js) next to
// fixtures/: every module's import.meta.url is rewritten to the URL its own file had in dist/,
// computed from the bundle's location at run time, so `new URL('../../fixtures/schema.json',
// import.meta.url)` in dist/fixtures/load.js keeps pointing at fixtures/schema.json.
// External packages are loaded from node_modules at run time (pino's transports need that; bundling
// pino measured no faster).
// esbuild comes with the dev dependencies (through tsx).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';

const [entry, outfile, ...external] = process.argv.slice(2);
if (!entry || !outfile) {
  process.stderr.write('usage: node scripts/bundle.mjs <entry> <outfile> [external package...]\n');
  process.exit(2);
}
const entryDir = dirname(resolve(entry));

const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (args.path.split(sep).includes('node_modules')) return undefined;
      const source = await readFile(args.path, 'utf8');
      const other = /import\.meta\.(?!url\b)\w+/.exec(source);
      if (other) throw new Error(`${args.path}: ${other[0]} would point at the bundle; only import.meta.url is rewritten`);
      if (!source.includes('import.meta.url')) return undefined;
      const rel = './' + relative(entryDir, args.path).split(sep).join('/');
      const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  plugins: [keepModuleUrls],
  legalComments: 'inline',
  logLevel: 'warning',
  // In place (`npm run build`): the entry is read before the bundle replaces it.
  allowOverwrite: true,
  // Maps back through tsc's maps to src/*.ts, for `node --enable-source-maps dist/main.js`.
  sourcemap: 'linked',
  // CommonJS dependencies (fastify, ajv, ...) call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
});
