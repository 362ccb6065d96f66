#!/usr/bin/env node
// The last step of `npm run build`: replaces dist/main.js and dist/cli.js (tsc's output) with
// bundles of themselves, ES modules holding every module of dist/ and every dependency they import.
// The process then reads a few files instead of resolving and loading ~170 of ours and hundreds of
// the dependencies' (README, Performance). main.js loads cli.js only after turning on Node's compile
// cache, hence two bundles. What cli.ts's modules load with import() (the JSON API's operations, on
// the first call) is split into chunks next to it, dist/cli-*.js, read only when first needed.
// Bundling in place means a later bare `tsc` simply puts the unbundled modules back: dist/ never
// runs an old bundle. The programmatic API (dist/index.js) stays unbundled: it is imported by the
// user's tests, next to their own modules.
//
// The bundles and chunks sit where their entries were, in dist/, as did every module that reads
// import.meta.url (config.ts finds fixtures/example.json from it): a module deeper in dist/ that
// used it would see the bundle's URL instead of its own, so the build refuses it.
import { build } from 'esbuild';
import { readdir, readFile, rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** Loaded from node_modules at run time instead of being bundled. */
const EXTERNAL = [
  // Loaded only when needed (a terminal, a Lambda trigger, a certificate, replicas, passkeys), so start-up does
  // not pay for them; an ES module bundle would load a statically imported one at every start.
  'pino-pretty',
  '@aws-sdk/client-lambda',
  '@peculiar/x509',
  'reflect-metadata',
  'pg',
  // Passkeys: @simplewebauthn/server loads the X.509 library at import (src/webauthn/library.ts).
  '@simplewebauthn/server',
  // Fastify's schema compilers, which no route uses; app.ts keeps them unloaded.
  '@fastify/ajv-compiler',
  '@fastify/fast-json-stringify-compiler',
  // Fastify's inject(), which only tests use (Fastify require()s it on the first call).
  'light-my-request',
];

const moduleUrlsStayInDist = {
  name: 'module-urls-stay-in-dist',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (args.path.split(sep).includes('node_modules') || dirname(args.path) === resolve(DIST)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (source.includes('import.meta')) throw new Error(`${args.path}: import.meta would be the bundle's (dist/), not this module's`);
      return undefined;
    });
  },
};

const BANNER =
  "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";
if ((await readFile(`${DIST}cli.js`, 'utf8')).startsWith(BANNER)) {
  throw new Error('dist/cli.js is a bundle already: run `npm run build`, which compiles dist/ again first');
}

// Chunks of an earlier build (their names carry a hash of their contents).
for (const name of await readdir(DIST)) {
  if (/^cli-.+\.js(\.map)?$/.test(name)) await rm(`${DIST}${name}`);
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  allowOverwrite: true,
  // Less for Node to read and scan at every start (Node 20 has no compile cache); names are kept, so
  // stack traces stay readable, and the source maps lead back to src/.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'inline',
  logLevel: 'warning',
  // Maps back through tsc's maps to src/*.ts, for `node --enable-source-maps dist/main.js`.
  sourcemap: 'linked',
  plugins: [moduleUrlsStayInDist],
};

// The CommonJS dependencies (Fastify, pino...) call require() for Node's modules and for the
// external packages: an ES module has no require of its own, so the bundle makes one.
const cli = await build({
  ...common,
  entryPoints: [`${DIST}cli.js`],
  outdir: DIST,
  splitting: true,
  chunkNames: 'cli-[name]-[hash]',
  external: EXTERNAL,
  banner: { js: BANNER },
  metafile: true,
});
// A static import of an external package is hoisted to the top of its output file: in cli.js, or in a
// chunk that cli.js imports statically, it would run at every start.
const outputs = cli.metafile.outputs;
const atStart = Object.keys(outputs).filter((file) => outputs[file].entryPoint?.endsWith('cli.js'));
for (const file of atStart) {
  for (const imp of outputs[file].imports) {
    if (imp.kind !== 'import-statement' || isBuiltin(imp.path)) continue;
    if (!imp.external) {
      if (!atStart.includes(imp.path)) atStart.push(imp.path);
    } else {
      throw new Error(`${file}: \`import ... from '${imp.path}'\` would load it at every start; import() it where it is needed`);
    }
  }
}
await build({ ...common, entryPoints: [`${DIST}main.js`], outfile: `${DIST}main.js`, external: ['./cli.js'] });
