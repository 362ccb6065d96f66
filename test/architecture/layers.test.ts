// The import graph of src/ follows the layer order of scripts/check-layers.mjs: no import points
// up a layer and no folders import each other in a circle (its KNOWN list of exceptions is empty).
import t from 'tap';
// @ts-expect-error: a plain ES module script without type declarations
import { checkLayers, importEdges } from '../../scripts/check-layers.mjs';

interface Edge {
  from: string;
  to: string;
  fromUnit: string;
  toUnit: string;
}

t.test('src/ imports point down the layers, with no cycles', async (t) => {
  const { problems } = checkLayers() as { problems: string[] };
  t.same(problems, [], problems.join('\n'));
});

t.test('the check sees an upward import, a cycle and an unplaced folder', async (t) => {
  const edges: Edge[] = importEdges();
  const e = (from: string, to: string): Edge => ({
    from,
    to,
    fromUnit: from.split('/')[0]!.replace(/\.ts$/, ''),
    toUnit: to.split('/')[0]!.replace(/\.ts$/, ''),
  });
  const up = checkLayers([...edges, e('domain/x.ts', 'oauth/y.ts')]) as { problems: string[] };
  t.ok(
    up.problems.some((p) => p.includes('domain/x.ts => oauth/y.ts')),
    'upward edge reported',
  );
  const circle = checkLayers([...edges, e('oauth/a.ts', 'hosted-ui/b.ts'), e('hosted-ui/b.ts', 'oauth/a.ts')]) as { problems: string[] };
  t.ok(
    circle.problems.some((p) => p.includes('hosted-ui/b.ts => oauth/a.ts')),
    'same-layer cycle reported',
  );
  const unplaced = checkLayers([...edges, e('nowhere/x.ts', 'domain/model.ts')]) as { problems: string[] };
  t.ok(
    unplaced.problems.some((p) => p.startsWith('nowhere: not in LAYERS')),
    'unplaced folder reported',
  );
});
