#!/usr/bin/env node
// Compiles the request constraints of AWS's cognito-idp service model (Debian's python3-botocore:
// botocore/data/cognito-idp/<version>/service-2.json) into src/cognito-api/input-constraints.generated.ts,
// which the JSON API checks every request against before an operation runs, as Cognito does.
// Only input shapes are kept: member names, required members, string lengths, patterns and enums,
// number ranges, list and map sizes, and which members are sensitive (their values are never
// echoed in an error). The Debian model dates from late 2022, so each enum also takes the values
// the installed AWS SDK v3 knows for the enum of the same name (newer values such as
// ALLOW_USER_AUTH would otherwise be refused).
//
//   node scripts/compile-input-constraints.mjs          # rewrite the generated file
//   node scripts/compile-input-constraints.mjs --check  # exit 1 if it is out of date
//
// Operations newer than that model are added from scripts/newer-operations.mjs (AWS's API reference).
// test/conformance/input-constraints.test.ts runs the check when the model is installed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { withNewerOperations } from './newer-operations.mjs';
import { BOTOCORE_DATA, loadModel } from './service-model.mjs';

// Members AWS made optional after the installed model was published: SignUp without a Password
// creates a passwordless user ("To create a user with no password, omit this parameter", API
// reference, SignUp, since choice-based sign-in in late 2024).
const NO_LONGER_REQUIRED = { SignUpRequest: ['Password'] };

// Enum values AWS documents that neither the installed model nor the installed SDK knows yet:
// GetClientToken needs an app client whose only flow is ALLOW_CLIENT_TOKEN_AUTH
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetClientToken.html).
const DOCUMENTED_ENUM_VALUES = { ExplicitAuthFlowsType: ['ALLOW_CLIENT_TOKEN_AUTH'] };

export const GENERATED = fileURLToPath(new URL('../src/cognito-api/input-constraints.generated.ts', import.meta.url));

function sdkEnums() {
  const sdk = createRequire(import.meta.url)('@aws-sdk/client-cognito-identity-provider');
  const enums = {};
  for (const [name, value] of Object.entries(sdk)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')) {
      enums[name] = Object.values(value);
    }
  }
  return enums;
}

/** The generated module's text for the installed model, or undefined without one. */
export function constraintsSource() {
  const installed = loadModel();
  if (!installed) return undefined;
  const model = withNewerOperations(installed);
  const enums = sdkEnums();
  const shapes = {};
  const visit = (name) => {
    if (shapes[name]) return;
    const s = model.shapes[name];
    const spec = {};
    shapes[name] = spec;
    const copy = (...keys) => {
      for (const k of keys) if (s[k] !== undefined) spec[k] = s[k];
    };
    switch (s.type) {
      case 'structure':
        spec.t = 'o';
        if (s.required?.length) {
          const relaxed = NO_LONGER_REQUIRED[name] ?? [];
          const required = s.required.filter((m) => !relaxed.includes(m));
          if (required.length) spec.required = required;
        }
        spec.members = Object.fromEntries(Object.entries(s.members).map(([k, v]) => [k, v.shape]));
        for (const ref of Object.values(s.members)) visit(ref.shape);
        break;
      case 'list':
        spec.t = 'l';
        spec.member = s.member.shape;
        copy('min', 'max');
        visit(s.member.shape);
        break;
      case 'map':
        spec.t = 'm';
        spec.key = s.key.shape;
        spec.value = s.value.shape;
        copy('min', 'max');
        visit(s.key.shape);
        visit(s.value.shape);
        break;
      case 'string':
        spec.t = 's';
        copy('min', 'max', 'pattern');
        // Cognito accepts custom domains (auth.example.com) although DomainType's pattern has no
        // dots, and answers a bad prefix with CreateUserPoolDomain's own message: not checked here.
        if (name === 'DomainType') delete spec.pattern;
        if (s.enum) spec.enum = [...new Set([...s.enum, ...(enums[name] ?? []), ...(DOCUMENTED_ENUM_VALUES[name] ?? [])])];
        if (s.sensitive) spec.sensitive = true;
        break;
      case 'integer':
      case 'long':
        spec.t = 'i';
        copy('min', 'max');
        break;
      case 'boolean':
        spec.t = 'b';
        break;
      case 'double':
      case 'float':
        spec.t = 'n';
        break;
      case 'timestamp':
        spec.t = 'n';
        break;
      case 'blob':
        spec.t = 's';
        break;
      default:
        throw new Error(`unknown shape type ${s.type} of ${name}`);
    }
    if (s.sensitive) spec.sensitive = true;
  };
  const inputs = {};
  for (const [op, def] of Object.entries(model.operations).sort(([a], [b]) => a.localeCompare(b))) {
    if (!def.input) continue;
    inputs[op] = def.input.shape;
    visit(def.input.shape);
  }
  const sorted = Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b)));
  return `// Generated by scripts/compile-input-constraints.mjs from ${model.metadata.serviceId} API ${model.metadata.apiVersion}
// (AWS's service model as Debian's python3-botocore installs it, with the newer operations of
// scripts/newer-operations.mjs). Do not edit.
import type { ShapeSpec } from './input-constraints.js';

export const OPERATION_INPUTS: Record<string, string> = ${JSON.stringify(inputs, null, 1)};

export const INPUT_SHAPES: Record<string, ShapeSpec> = ${JSON.stringify(sorted, null, 1)};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = constraintsSource();
  if (source === undefined) {
    console.error(`no service model under ${BOTOCORE_DATA}: apt-get install python3-botocore`);
    process.exit(2);
  }
  if (process.argv.includes('--check')) {
    const current = existsSync(GENERATED) ? readFileSync(GENERATED, 'utf8') : '';
    if (current !== source) {
      console.error(`${GENERATED} is out of date: run node scripts/compile-input-constraints.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(GENERATED, source);
  }
}
