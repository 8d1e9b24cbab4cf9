// Fails (exit 1) when a function is longer than MAX_LINES, so "a function a person can hold in their
// head" stays true (issue 18). Run by `npm run lint`.
//
// Measured as lines from the function's first to its last line (what a reader scrolls through),
// with two kinds of function measured by their parts instead, because a reader takes them a part at
// a time: a test's describe()/it() callbacks (each it() is measured on its own), and a factory whose
// whole body is one object literal of methods (e.g. a zustand store: each method is measured).
// Not checked: generated code (out/, dist/) and the i18n tables (data, not logic).
import { readFileSync } from 'node:fs';
import { globSync } from 'node:fs';
import ts from 'typescript';

export const MAX_LINES = 120;
const ROOTS = ['src', 'e2e', 'test', 'bench', 'scripts', 'bin'];
const IGNORE = [/(^|\/)(out|dist|node_modules)\//, /(^|\/)i18n\/(catalogs\/)?[a-z]{2}(-[A-Z]+)?\.ts$/, /\.d\.ts$/];
const TEST_CALLS = new Set(['describe', 'it', 'test', 'suite', 'beforeAll', 'beforeEach', 'afterAll', 'afterEach']);

function isFunction(node) {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** describe('…', () => {…}), test.describe(…), it.each(…)(…): the callee's first name is a test word. */
function isTestCallback(node) {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(node)) return false;
  let callee = call.expression;
  while (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee)) callee = callee.expression;
  return ts.isIdentifier(callee) && TEST_CALLS.has(callee.text);
}

/** `(set, get) => ({ … })` or `function () { return { … }; }`: an object of methods, read method by method. */
function isObjectFactory(node) {
  const body = node.body;
  if (!body) return false;
  if (ts.isParenthesizedExpression(body) && ts.isObjectLiteralExpression(body.expression)) return true;
  if (ts.isBlock(body) && body.statements.length === 1) {
    const s = body.statements[0];
    return ts.isReturnStatement(s) && !!s.expression && ts.isObjectLiteralExpression(s.expression);
  }
  return false;
}

function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const p = node.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isPropertyAssignment(p) && p.name) return p.name.getText();
  if (p && ts.isCallExpression(p)) return `(callback of ${p.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

export function longFunctions(file, text, max = MAX_LINES) {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : file.endsWith('.mjs') || file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const visit = (node) => {
    if (isFunction(node) && node.body && !isTestCallback(node) && !isObjectFactory(node)) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) found.push({ file, line: first + 1, name: nameOf(node), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function main() {
  const files = ROOTS.flatMap((r) => globSync(`${r}/**/*.{ts,tsx,mts,mjs}`)).filter((f) => !IGNORE.some((re) => re.test(f)));
  const found = files.flatMap((f) => longFunctions(f, readFileSync(f, 'utf8')));
  for (const f of found)
    console.error(`${f.file}:${f.line}: ${f.name} is ${f.lines} lines (at most ${MAX_LINES}): split it by what a reader asks`);
  if (found.length) process.exit(1);
  console.log(`function length: ${files.length} files, no function over ${MAX_LINES} lines`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
