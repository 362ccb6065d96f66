// The layer rule of src/: its folders (and the files at its root) sit in layers, bottom first. An
// import, type-only ones included, points to its own layer or a lower one, never up; and no group
// of folders imports itself in a circle. `node scripts/check-layers.mjs` prints the layers and every
// edge breaking the rule, and exits 1 on one that is not in KNOWN (test/architecture runs it).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bottom first. A new folder (or root file) must be given a layer here. */
export const LAYERS = [
  // What failed: the errors every surface serialises.
  ['errors'],
  // Settings and time.
  ['runtime-flags', 'config', 'clock'],
  // The data model and the rules on it (attributes, passwords, scopes, SRP, token data).
  ['domain', 'crypto'],
  // Persistent state.
  ['store'],
  // In-memory state, URLs and HTTP helpers, and the services built on the model.
  ['state', 'urls', 'http', 'mfa', 'devices', 'webauthn', 'sessions', 'triggers'],
  ['tokens'],
  // What every area is given (the composition's type).
  ['deps'],
  // Flows shared by the surfaces: users, sign-in, self-service, federation.
  ['threat-protection', 'users', 'sign-in', 'self-service', 'federation'],
  // The surfaces Cognito has: the JSON API, OAuth endpoints, hosted pages, discovery.
  ['cognito-api', 'oauth', 'hosted-ui', 'well-known'],
  // The emulator's own surfaces and fixture loading.
  ['control', 'fixtures'],
  // Composition and start-up.
  ['app', 'tls', 'logger', 'emulator', 'listen', 'watch', 'index', 'cli', 'main'],
];

/**
 * Edges allowed to break the rule ("from => to", paths under src/). None: the last ones were
 * removed by moving code down, and a new one is fixed the same way, not listed here. An entry that
 * no longer breaks the rule fails the check too.
 */
export const KNOWN = [];

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Top-level folder, or root file without its extension: the unit the layers are made of. */
const unitOf = (file) => {
  const parts = relative(SRC, file).split('/');
  return parts.length === 1 ? parts[0].replace(/\.ts$/, '') : parts[0];
};

export function importEdges(src = SRC) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(src);
  const edges = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gms)) {
      const target = resolve(dirname(file), m[1]).replace(/\.js$/, '.ts');
      edges.push({ from: relative(src, file), to: relative(src, target), fromUnit: unitOf(file), toUnit: unitOf(target) });
    }
  }
  return edges;
}

export function checkLayers(edges = importEdges()) {
  const layerOf = new Map(LAYERS.flatMap((units, i) => units.map((u) => [u, i])));
  const problems = [];
  const unplaced = new Set();
  for (const e of edges) {
    for (const u of [e.fromUnit, e.toUnit]) if (!layerOf.has(u)) unplaced.add(u);
  }
  for (const u of unplaced) problems.push(`${u}: not in LAYERS (scripts/check-layers.mjs)`);
  // Upward edges. With every unit in a layer, a cycle across layers has one of these in it.
  const broken = new Set();
  for (const e of edges) {
    if (e.fromUnit === e.toUnit || !layerOf.has(e.fromUnit) || !layerOf.has(e.toUnit)) continue;
    if (layerOf.get(e.toUnit) > layerOf.get(e.fromUnit)) broken.add(`${e.from} => ${e.to}`);
  }
  // Cycles inside one layer: strongly connected groups of units joined by same-layer edges.
  const sameLayer = new Map();
  for (const e of edges) {
    if (e.fromUnit === e.toUnit || layerOf.get(e.fromUnit) !== layerOf.get(e.toUnit)) continue;
    if (!sameLayer.has(e.fromUnit)) sameLayer.set(e.fromUnit, new Set());
    sameLayer.get(e.fromUnit).add(e.toUnit);
  }
  for (const group of cycles(sameLayer)) {
    for (const e of edges) {
      if (group.has(e.fromUnit) && group.has(e.toUnit) && e.fromUnit !== e.toUnit) broken.add(`${e.from} => ${e.to}`);
    }
  }
  const known = new Set(KNOWN);
  for (const b of broken) if (!known.has(b)) problems.push(`upward or circular import: ${b}`);
  for (const k of known) if (!broken.has(k)) problems.push(`no longer breaks the rule, remove it from KNOWN: ${k}`);
  return { problems, broken: [...broken].sort() };
}

/** Tarjan's strongly connected components of more than one unit. */
function cycles(graph) {
  let index = 0;
  const idx = new Map(),
    low = new Map(),
    stack = [],
    on = new Set(),
    out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const group = new Set();
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        group.add(w);
      } while (w !== v);
      if (group.size > 1) out.push(group);
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { problems, broken } = checkLayers();
  console.log('Layers, bottom first:');
  for (const [i, units] of LAYERS.entries()) console.log(`  ${i + 1}. ${units.join(', ')}`);
  if (process.argv.includes('--list')) for (const b of broken) console.log(`  '${b}',`);
  console.log(`${broken.length} known edges break the rule`);
  for (const p of problems) console.error(p);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
