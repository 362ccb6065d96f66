// Lines stop at 140 characters. Biome's formatter breaks code but leaves comments and string literals
// as they are, so this finds the longer lines (`node scripts/long-lines.mjs`, run by `npm run lint`)
// and, with --fix (run by `npm run format`), rewraps them where that is mechanical:
// - a `//` or `*` comment line is rewrapped at word boundaries, each piece with the same prefix;
// - a line ending in one string literal ('…', "…" or an untagged `…` template) that starts the line or follows
//   `? `, `: `, `return `, `key: ` or `name = `, perhaps followed by `+`, `,`, `;` or `)`, is cut at spaces into
//   literals joined with `+` (the same string at run time).
// - a line of text inside a template literal (untagged or `html`) is cut with a line continuation (a backslash
//   ending the line), which adds nothing to the string: the markup of a page stays byte for byte the same.
// What is left (a regular expression, a long comment after code) is printed for a human.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

export const MAX = 140;
const fix = process.argv.includes('--fix');

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'test', 'bench', 'scripts'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => /\.(ts|mts|mjs|js)$/.test(f) && !f.endsWith('.generated.ts'));

/** Words of `text` packed into lines of at most `width` characters (a longer word stays whole). */
function pack(text, width) {
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}

function wrapComment(line) {
  const oneLineDoc = /^(\s*)\/\*\* (.*) \*\/$/.exec(line);
  if (oneLineDoc) {
    const [, indent, text] = oneLineDoc;
    return [`${indent}/**`, ...pack(text, MAX - indent.length - 3).map((l) => `${indent} * ${l}`), `${indent} */`];
  }
  const m = /^(\s*(?:\/\/+|\*) )(.*)$/.exec(line);
  if (!m) return undefined;
  const [, prefix, text] = m;
  // A suppression comment applies to the next line: it cannot be split.
  if (text.startsWith('biome-ignore')) return undefined;
  return pack(text, MAX - prefix.length).map((l) => prefix + l);
}

/** A literal body cut after spaces (or anywhere, if a piece has none), never inside an escape or a `${…}`. */
function cutLiteral(body, quote, room) {
  const pieces = [];
  let start = 0;
  let lastSpace = -1;
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    if (i - start >= room && depth === 0) {
      // At the last space, or anywhere when there is none (a long hex number, a pattern).
      const cut = lastSpace > start ? lastSpace + 1 : i;
      pieces.push(body.slice(start, cut));
      start = cut;
      lastSpace = -1;
    }
    const c = body[i];
    if (c === '\\') i++;
    else if (quote === '`' && depth === 0 && c === '$' && body[i + 1] === '{') {
      depth = 1;
      i++;
    } else if (depth > 0 && c === '{') depth++;
    else if (depth > 0 && c === '}') depth--;
    else if (depth === 0 && c === ' ') lastSpace = i;
  }
  pieces.push(body.slice(start));
  return pieces.length > 1 && depth === 0 ? pieces : undefined;
}

/** Whether `literals` joined with + parse as exactly those literals (no tag, no piece swallowing another). */
function literalsOnly(literals) {
  const source = ts.createSourceFile('check.ts', `(${literals.join(' +\n')});`, ts.ScriptTarget.Latest, true);
  if (source.parseDiagnostics.length > 0) return false;
  const statement = source.statements[0];
  if (source.statements.length !== 1 || !ts.isExpressionStatement(statement)) return false;
  const isLiteral = (n) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);
  let tagged = false;
  const visit = (n) => {
    if (ts.isTaggedTemplateExpression(n)) tagged = true;
    ts.forEachChild(n, visit);
  };
  visit(source);
  let e = statement.expression.expression;
  let count = 1;
  while (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    if (!isLiteral(e.right)) return false;
    count++;
    e = e.left;
  }
  return !tagged && isLiteral(e) && count === literals.length;
}

function wrapLiteral(line) {
  const m = /^(\s*)(\? |: |return |[\w$]+: |(?:const|let) [\w$]+ = |[\w$.]+ = )?(['"`])(.*)\3( \+|,|;|\))?$/.exec(line);
  if (!m) return undefined;
  const [, indent, lead = '', quote, body, tail = ''] = m;
  // One literal only: the body holds no unescaped quote of its kind.
  if (new RegExp(`(^|[^\\\\])(\\\\\\\\)*${quote === '`' ? '`' : quote}`).test(body)) return undefined;
  const pieces = cutLiteral(body, quote, MAX - indent.length - lead.length - 8);
  if (!pieces || !literalsOnly(pieces.map((p) => quote + p + quote))) return undefined;
  return pieces.map((p, i) => `${indent}${i === 0 ? lead : '  '}${quote}${p}${quote}${i === pieces.length - 1 ? tail : ' +'}`);
}

/**
 * [start, end) of the text of every template literal (`all`), and of those untagged or tagged `html`, where a line
 * continuation changes nothing (`continuable`; String.raw would keep it).
 */
function templateTexts(file, text) {
  const kind = file.endsWith('.ts') || file.endsWith('.mts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const ranges = { all: [], continuable: [] };
  const visit = (node) => {
    if (ts.isTemplateLiteral(node)) {
      const parent = node.parent;
      const tagged = parent && ts.isTaggedTemplateExpression(parent) && parent.template === node;
      const continuable = !tagged || parent.tag.getText(source) === 'html';
      {
        const pieces = ts.isNoSubstitutionTemplateLiteral(node) ? [node] : [node.head, ...node.templateSpans.map((span) => span.literal)];
        for (const piece of pieces) {
          const start = piece.getStart(source) + 1;
          const end = piece.end - (ts.isTemplateHead(piece) || ts.isTemplateMiddle(piece) ? 2 : 1);
          ranges.all.push([start, end]);
          if (continuable) ranges.continuable.push([start, end]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return ranges;
}

/** The line (starting at `offset` in the file) cut with line continuations inside template text, or undefined. */
function continueTemplate(line, offset, ranges) {
  const inside = (p) => ranges.some(([s, e]) => offset + p > s && offset + p < e);
  const breakable = (p) => {
    if (!inside(p)) return false;
    let slashes = 0;
    for (let k = p - 1; k >= 0 && line[k] === '\\'; k--) slashes++;
    return slashes % 2 === 0 && line[p - 1] !== '$';
  };
  const out = [];
  let start = 0;
  while (line.length - start > MAX) {
    let cut = -1;
    for (const prefer of [(p) => line[p - 1] === '>' && line[p] === '<', (p) => /[;}, ]/.test(line[p - 1] ?? ''), () => true]) {
      for (let p = start + MAX - 1; p > start + 20; p--) {
        if (prefer(p) && breakable(p)) {
          cut = p;
          break;
        }
      }
      if (cut >= 0) break;
    }
    if (cut < 0) break;
    out.push(`${line.slice(start, cut)}\\`);
    start = cut;
  }
  if (out.length === 0) return undefined;
  out.push(line.slice(start));
  return out.every((l) => l.length <= MAX) ? out : undefined;
}

const left = [];
let changed = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const out = [];
  let ranges;
  let offset = 0;
  for (const [i, line] of lines.entries()) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.length <= MAX) {
      out.push(line);
      continue;
    }
    ranges ??= templateTexts(file, text);
    const indent = line.length - line.trimStart().length;
    const inTemplate = ranges.all.some(([s, e]) => lineStart + indent >= s && lineStart + indent < e);
    const wrapped = !fix
      ? undefined
      : inTemplate
        ? continueTemplate(line, lineStart, ranges.continuable)
        : (wrapComment(line) ?? wrapLiteral(line) ?? continueTemplate(line, lineStart, ranges.continuable));
    if (wrapped) out.push(...wrapped);
    else {
      out.push(line);
      left.push(`${file}:${i + 1}: ${line.length} characters`);
    }
  }
  const next = out.join('\n');
  if (next !== text) {
    writeFileSync(file, next);
    changed++;
  }
}
if (fix) console.log(`long-lines: rewrapped lines in ${changed} file(s)`);
if (left.length > 0) {
  console.error(`${left.length} line(s) over ${MAX} characters${fix ? ' left for a human' : ''}:\n${left.join('\n')}`);
  // Checking fails on them; fixing does what it can and lets the formatter run after it.
  if (!fix) process.exitCode = 1;
}
