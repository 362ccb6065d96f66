// The README's operations table names every implemented operation, and only those; its "not
// implemented yet" paragraph lists exactly the installed AWS SDK's other operations
// (scripts/readme-operations.ts; `npx tsx scripts/readme-operations.ts --write` rewrites the paragraph).
import { readFileSync } from 'node:fs';
import t from 'tap';
import {
  implementedOperations,
  notImplementedParagraph,
  README,
  readmeProblems,
  rewriteParagraph,
  sdkOperations,
  tableOperations,
} from '../../scripts/readme-operations.js';

const readme = readFileSync(README, 'utf8');

t.test('the README is true to the emulator and the installed SDK', async (t) => {
  t.ok(sdkOperations().length >= 140, `the installed SDK has ${sdkOperations().length} operations`);
  t.same(readmeProblems(readme), [], 'nothing to fix in the operations table or the paragraph');
  t.same([...tableOperations(readme)].sort(), implementedOperations(), 'the table names exactly the implemented operations');
});

t.test('the check finds each kind of mistake', async (t) => {
  const all = ['AdminGetUser', 'CreateGroup', 'GetUser', 'ListGroups'];
  const table = (ops: string) => `intro\n\n| area | operations | notes |\n|---|---|---|\n| x | ${ops} | \`NotAnOp\` in backticks |\n\n`;
  const paragraph = notImplementedParagraph(all, ['CreateGroup', 'GetUser', 'ListGroups']);
  const good = `${table('CreateGroup, ListGroups (`Limit`), GetUser')}${paragraph}\n\nmore`;
  const implemented = ['CreateGroup', 'GetUser', 'ListGroups'];
  t.same(readmeProblems(good, all, implemented), []);
  t.match(notImplementedParagraph(all, implemented), /\(4, of which 3 are implemented\).*: AdminGetUser\.$/s);
  t.match(
    readmeProblems(good, all, [...implemented, 'AdminGetUser']).join('\n'),
    /implemented but not in the table: AdminGetUser[\s\S]*should read/,
  );
  t.match(readmeProblems(good, all, ['CreateGroup', 'GetUser']).join('\n'), /in the table but not implemented: ListGroups/);
  t.match(readmeProblems(good.replace('GetUser', 'GetUsr'), all, implemented).join('\n'), /not an operation of the AWS SDK: GetUsr/);
  t.match(readmeProblems(good.replace('GetUser', 'GetUser, CreateGroup'), all, implemented).join('\n'), /more than once: CreateGroup/);
  t.match(readmeProblems(good.replace('AdminGetUser.', 'AdminGetUser, GetUser.'), all, implemented).join('\n'), /paragraph should read/);
  t.same(
    readmeProblems(rewriteParagraph(good.replace('AdminGetUser.', 'Nothing.'), all, implemented), all, implemented),
    [],
    '--write fixes the paragraph',
  );
  t.equal(notImplementedParagraph(all, all), 'Operations of the current AWS SDK (4) are all implemented.');
});
