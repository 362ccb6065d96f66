#!/usr/bin/env node
// Bundles the compiled emulator (dist/, from tsc) and its dependencies into one CommonJS file, which
// src/main.ts (the bin, `npm start`, the Docker image) compiles with V8's code cache. The process
// then reads one file instead of resolving and loading ~170 of ours and hundreds of the
// dependencies' (start-up to /health 964 -> 768 ms on the bench machine, issue 6). CommonJS because
// only classic scripts take a code cache on Node 20 (vm.Script). The programmatic API
// (dist/index.js) stays unbundled: it is imported by the user's tests, next to their own modules.
//
//   node scripts/bundle.mjs <entry> <outfile> [external package...]
//   node scripts/bundle.mjs dist/process.js dist/cli.bundle.cjs pino-pretty   # npm run build (+ more)
//
// Place the output in the entry's directory: every module's import.meta.url is rewritten to the URL
// its own file had in dist/, computed from the bundle's location (__filename) at run time, so
// `new URL('../fixtures/example.json', import.meta.url)` in dist/config.js keeps pointing at
// fixtures/example.json.
// External packages are loaded from node_modules at run time (pino-pretty, loaded only on a terminal).
// esbuild comes with the dev dependencies (through tsx).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
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
      const url = `new URL(${JSON.stringify(rel)}, require('node:url').pathToFileURL(__filename)).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const result = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  plugins: [keepModuleUrls],
  legalComments: 'inline',
  logLevel: 'warning',
  // Maps back through tsc's maps to src/*.ts, for `node --enable-source-maps dist/main.js`.
  sourcemap: 'linked',
  // Our modules and jose were ES modules, which are always strict; the CommonJS ones say so themselves.
  banner: { js: '"use strict";' },
  metafile: true,
});

// src/main.ts runs the bundle as a code-cached vm.Script, where import() has no loader: an external
// package must be require()d.
for (const output of Object.values(result.metafile.outputs)) {
  for (const imp of output.imports) {
    if (imp.kind === 'dynamic-import' && imp.external) throw new Error(`${outfile}: import('${imp.path}') would fail at run time; require() it`);
  }
}

// ASCII only, so that src/main.ts can read it as Latin-1 (10 ms less than decoding UTF-8 at every
// start). esbuild escapes non-ASCII in strings and names but leaves it in comments and template
// literals; a \uXXXX escape means the same there (nothing in src/ uses String.raw).
const text = readFileSync(outfile, 'utf8');
writeFileSync(outfile, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
