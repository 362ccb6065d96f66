// Reads AWS's service model for cognito-idp as Debian's python3-botocore installs it
// (botocore/data/cognito-idp/<api-version>/service-2.json, possibly gzipped): the newest version
// there, or undefined when the package is missing. Shared by compile-input-constraints.mjs and the
// conformance tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const BOTOCORE_DATA = '/usr/lib/python3/dist-packages/botocore/data/cognito-idp';

export function loadModel(dir = BOTOCORE_DATA) {
  if (!existsSync(dir)) return undefined;
  for (const version of readdirSync(dir).sort().reverse()) {
    for (const file of ['service-2.json', 'service-2.json.gz']) {
      const path = join(dir, version, file);
      if (!existsSync(path)) continue;
      const raw = readFileSync(path);
      return { source: path, ...JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) };
    }
  }
  return undefined;
}
