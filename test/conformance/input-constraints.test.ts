// src/cognito-api/input-constraints.generated.ts must be what scripts/compile-input-constraints.mjs
// makes from the installed service model (and SDK enums), so the emulator's request checks cannot
// drift from the model. Skipped, with the reason, where the model is not installed (CI installs it).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { loadServiceModel } from './service-model.js';

const script = fileURLToPath(new URL('../../scripts/compile-input-constraints.mjs', import.meta.url));

if (!loadServiceModel() && process.env.CI !== 'true') {
  t.test(
    'generated input constraints match the model',
    { skip: "AWS service model not found: install Debian's python3-botocore" },
    () => {},
  );
} else {
  t.test('generated input constraints match the model', async (t) => {
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    t.equal(run.status, 0, run.stderr);
  });
}
