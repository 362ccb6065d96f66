// Reads AWS's service model for cognito-idp as Debian's python3-botocore installs it
// (botocore/data/cognito-idp/<api-version>/service-2.json, possibly gzipped): the newest version
// there, or undefined when the package is missing. Shared by compile-input-constraints.mjs and the
// conformance tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const BOTOCORE_DATA = '/usr/lib/python3/dist-packages/botocore/data/cognito-idp';

/**
 * Members the late-2022 model requires and today's API does not (the API reference says
 * "Required: No"): since managed login, UpdateUserPoolDomain may change only ManagedLoginVersion
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolDomain.html).
 */
const NO_LONGER_REQUIRED = { UpdateUserPoolDomainRequest: ['CustomDomainConfig'] };

/**
 * Patterns changed since the late-2022 model. Passwords may now hold spaces, but not lead or end
 * with one (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html):
 * Cognito's refusals name the current pattern ("Value at 'password' failed to satisfy constraint:
 * Member must satisfy regular expression pattern: ^[\S]+.*[\S]+$").
 */
const PATTERN_NOW = { PasswordType: '^[\\S]+.*[\\S]+$' };

function current(model) {
  for (const [shape, members] of Object.entries(NO_LONGER_REQUIRED)) {
    const s = model.shapes?.[shape];
    if (s?.required) s.required = s.required.filter((m) => !members.includes(m));
  }
  for (const [shape, pattern] of Object.entries(PATTERN_NOW)) {
    if (model.shapes?.[shape]) model.shapes[shape].pattern = pattern;
  }
  return model;
}

export function loadModel(dir = BOTOCORE_DATA) {
  if (!existsSync(dir)) return undefined;
  for (const version of readdirSync(dir).sort().reverse()) {
    for (const file of ['service-2.json', 'service-2.json.gz']) {
      const path = join(dir, version, file);
      if (!existsSync(path)) continue;
      const raw = readFileSync(path);
      return current({ source: path, ...JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) });
    }
  }
  return undefined;
}
