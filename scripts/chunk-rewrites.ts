// Two rewrites of the chunks rolldown writes into dist/kansa/ (scripts/build.ts), each for the
// start of a command; the sources stay ordinary TypeScript. Measured in docs/performance.md
// ("The small scan").
//
// Built-in modules without an ESM facade (`builtinsWithoutFacade`). Importing one of Node's
// built-in modules as ESM builds a facade that reads every export once, and so loads what the
// module keeps lazy until asked: `node:process` loads the diagnostic report, `node:util` its
// argument parser and diff, `node:crypto` the Web Crypto API. `process.getBuiltinModule` gives
// the module itself: `import { a, b as c } from "node:x"` becomes
// `const { a, b: c } = process.getBuiltinModule("node:x")`, where the import was (the top).
// A function of a module in LOADED_ON_FIRST_CALL becomes one that takes the module on its first
// call and puts the module's function in its place
// (`let a = (...args) => (a = process.getBuiltinModule("node:x").a)(...args)`): loading
// `node:crypto` cost every command ~5 ms, and a scan that hashes nothing (terminal only, a
// built-in framework) or `kansa --version` calls none of its functions.
//
// Functions compiled when the chunk loads (`compileFunctionsEagerly`). V8 compiles a function
// lazily, on its first call. Node's compile cache (bin/kansa.js, `module.enableCompileCache`)
// stores the code V8 made when it compiled the module, before the module ran: the modules'
// top-level code and none of their functions, so every run parsed and compiled again each
// function it called, which for a 1,000-resource scan is most of the adapters and the checks.
// V8 compiles at once a function expression in parentheses (its heuristic for a function about
// to be called), and the cache then keeps it:
//
// - a top-level `function name(…) {…}` becomes `var name = (function (…) {…});`, moved to the
//   top of the chunk, where a declaration's hoisting would have put it (a chunk imports no chunk
//   that imports it back, so nothing runs before it);
// - an object literal's method `name(…) {…}` becomes `name: (function (…) {…})`.
//
// Both keep the function's `name` (the binding or key names the anonymous function), its
// `this` and `arguments`. Class methods, getters, setters, computed keys and methods using
// `super` (only a method may) are left as they are, as are functions inside functions (compiled
// with the function around them).
//
// Functions a scan does not call, compiled lazily again (`compileUncalledLazily`). The cache of
// an eagerly compiled chunk holds every function's code, and a run deserializes all of it: a
// scan calls about half of the functions of the chunks it loads (the other commands', the other
// export formats', the error paths'). The build runs scans of fixtures/sample-tenancy with V8's
// coverage (scripts/called-functions.ts) and takes the parentheses off the functions none of them
// called, so that V8 compiles those only if a run calls them. A chunk no training scan loaded is
// left as it is.
import { parseAst } from 'rolldown/parseAst';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

interface FunctionNode extends Node {
  id: Node | null;
  async: boolean;
  generator: boolean;
}

interface Edit {
  at: number;
  /** Characters replaced from `at`. */
  length: number;
  text: string;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function keyword(fn: FunctionNode): string {
  return `${fn.async ? 'async ' : ''}function${fn.generator ? '*' : ''} `;
}

function applyEdits(code: string, edits: Edit[]): string {
  let out = code;
  for (const edit of edits.sort((a, b) => b.at - a.at)) {
    out = out.slice(0, edit.at) + edit.text + out.slice(edit.at + edit.length);
  }
  return out;
}

/** Whether a node of that type is in the tree. */
function contains(node: Node, type: string): boolean {
  if (node.type === type) return true;
  return Object.values(node).some((child) =>
    Array.isArray(child)
      ? child.some((item) => isNode(item) && contains(item, type))
      : isNode(child) && contains(child, type),
  );
}

/** Every object-literal method `key(…) {…}` as `key: (function (…) {…})`. */
function methodsAsExpressions(code: string): string {
  const edits: Edit[] = [];
  const visit = (node: Node): void => {
    if (
      node.type === 'Property' &&
      node.method === true &&
      node.kind === 'init' &&
      !node.computed &&
      !contains(node.value as Node, 'Super')
    ) {
      const key = node.key as Node;
      const value = node.value as FunctionNode;
      edits.push({
        at: node.start,
        length: value.start - node.start,
        text: `${code.slice(key.start, key.end)}: (${keyword(value)}`,
      });
      edits.push({ at: node.end, length: 0, text: ')' });
    }
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) for (const item of child) isNode(item) && visit(item);
      else if (isNode(child)) visit(child);
    }
  };
  visit(parseAst(code) as unknown as Node);
  return applyEdits(code, edits);
}

/** Every top-level function declaration as a `var` of a function expression, at the chunk's top. */
function declarationsAsExpressions(code: string): string {
  const body = (parseAst(code) as unknown as { body: Node[] }).body;
  const imports = body.filter((node) => node.type === 'ImportDeclaration');
  const top = imports.length > 0 ? imports[imports.length - 1]!.end : 0;
  const moved: string[] = [];
  const edits: Edit[] = [];
  for (const node of body) {
    if (node.type !== 'FunctionDeclaration') continue;
    const fn = node as FunctionNode;
    const name = code.slice(fn.id!.start, fn.id!.end);
    moved.push(`var ${name} = (${keyword(fn)}${code.slice(fn.id!.end, fn.end)});`);
    edits.push({ at: fn.start, length: fn.end - fn.start, text: '' });
  }
  if (moved.length === 0) return code;
  edits.push({ at: top, length: 0, text: `\n${moved.join('\n')}\n` });
  return applyEdits(code, edits);
}

/** Built-in modules whose functions take the module on their first call (see the top). */
const LOADED_ON_FIRST_CALL = new Set(['node:crypto']);

/** Every import of a `node:` module as a `process.getBuiltinModule` call, in its place. */
export function builtinsWithoutFacade(code: string): string {
  const edits: Edit[] = [];
  for (const node of (parseAst(code) as unknown as { body: Node[] }).body) {
    const source = (node as { source?: { value?: unknown } }).source?.value;
    if (node.type !== 'ImportDeclaration' || typeof source !== 'string' || !source.startsWith('node:')) {
      continue;
    }
    const module = `globalThis.process.getBuiltinModule(${JSON.stringify(source)})`;
    const text = (n: Node) => code.slice(n.start, n.end);
    const specifiers = node.specifiers as (Node & { local: Node; imported?: Node })[];
    // The module itself: `import fs from`, `import * as fs from`, `import { default as fs } from`.
    const isWhole = (s: (typeof specifiers)[number]) =>
      s.type !== 'ImportSpecifier' || ['default', '"default"', "'default'"].includes(text(s.imported!));
    const wholes = specifiers.filter(isWhole).map((s) => text(s.local));
    const statements = wholes.map((local) => `const ${local} = ${module};`);
    const loaded = LOADED_ON_FIRST_CALL.has(source) ? process.getBuiltinModule(source) : undefined;
    const eager: string[] = [];
    for (const s of specifiers.filter((s) => !isWhole(s))) {
      const imported = text(s.imported!);
      if (typeof (loaded as Record<string, unknown> | undefined)?.[imported] === 'function') {
        const local = text(s.local);
        statements.push(`let ${local} = (...args) => (${local} = ${module}.${imported})(...args);`);
      } else eager.push(imported === text(s.local) ? imported : `${imported}: ${text(s.local)}`);
    }
    if (eager.length > 0) statements.push(`const { ${eager.join(', ')} } = ${wholes[0] ?? module};`);
    if (statements.length === 0) statements.push(`${module};`);
    edits.push({ at: node.start, length: node.end - node.start, text: statements.join('\n') });
  }
  return applyEdits(code, edits);
}

/**
 * The chunks that import another statically (`import … from "./x.js"`), as a cycle if there is
 * one. `compileFunctionsEagerly` moves each function to its chunk's top as a `var`, assigned when
 * the chunk runs: a chunk in a cycle could call another's function before that chunk ran (a
 * hoisted declaration would have been there), so the build refuses a cycle of chunks.
 */
export function chunkImportCycle(chunks: ReadonlyMap<string, string>): string[] | undefined {
  const imports = new Map<string, string[]>();
  for (const [name, code] of chunks) {
    const body = (parseAst(code) as unknown as { body: Node[] }).body;
    imports.set(
      name,
      body
        .map((node) => (node as { source?: { value?: unknown } }).source?.value)
        .filter((source): source is string => typeof source === 'string' && source.startsWith('./'))
        .map((source) => source.slice(2)),
    );
  }
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    const at = path.indexOf(name);
    if (at >= 0) return [...path.slice(at), name];
    if (done.has(name)) return undefined;
    path.push(name);
    for (const next of imports.get(name) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(name);
    return undefined;
  };
  for (const name of chunks.keys()) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}

export function compileFunctionsEagerly(code: string): string {
  const out = declarationsAsExpressions(methodsAsExpressions(code));
  parseAst(out); // a rewrite that made the chunk invalid fails the build
  return out;
}

/** What V8's coverage said of a chunk's functions: where each starts, and which ran. */
export interface ChunkCoverage {
  /** Start offsets of the functions V8 reported (compiled, so every eager one of a loaded chunk). */
  readonly known: ReadonlySet<number>;
  /** Start offsets of the functions called at least once. */
  readonly called: ReadonlySet<number>;
}

/**
 * The functions `compileFunctionsEagerly` put in parentheses that the coverage saw and that never
 * ran, without their parentheses (see the top). A function the coverage does not name stays as
 * it is. Run on the chunk as written (offsets are those of the coverage's run).
 */
export function compileUncalledLazily(code: string, coverage: ChunkCoverage): string {
  const edits: Edit[] = [];
  const unwrap = (fn: Node | null | undefined): void => {
    if (fn?.type !== 'FunctionExpression' || code[fn.start - 1] !== '(' || code[fn.end] !== ')') return;
    if (!coverage.known.has(fn.start) || coverage.called.has(fn.start)) return;
    edits.push({ at: fn.start - 1, length: 1, text: '' }, { at: fn.end, length: 1, text: '' });
  };
  const visit = (node: Node): void => {
    if (node.type === 'VariableDeclarator') unwrap(node.init as Node | null);
    if (node.type === 'Property' && node.method === false && node.kind === 'init') unwrap(node.value as Node);
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) for (const item of child) isNode(item) && visit(item);
      else if (isNode(child)) visit(child);
    }
  };
  visit(parseAst(code) as unknown as Node);
  const out = applyEdits(code, edits);
  parseAst(out);
  return out;
}
