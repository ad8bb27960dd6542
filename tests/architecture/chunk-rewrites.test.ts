import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builtinsWithoutFacade,
  chunkImportCycle,
  compileFunctionsEagerly,
  compileUncalledLazily,
} from '../../scripts/chunk-rewrites.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kansa-chunk-rewrites-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `code` as an ES module and gives what it exports as `result`. */
async function run(code: string): Promise<unknown> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return ((await import(file)) as { result: unknown }).result;
}

// A chunk as rolldown writes one: imports first, top-level functions used before they are
// declared, object-literal methods using `this`, async and generator functions.
const CHUNK = `import { join as joinPath, sep } from "node:path";
import fs, { existsSync } from "node:fs";
import * as os from "node:os";
import { default as events, once } from "node:events";
import "node:url";
import { createHash as digest, constants } from "node:crypto";
const early = double(2);
const tool = {
  name: "kansa",
  describe(prefix) { return prefix + this.name + " " + double(early); },
  async later() { return await Promise.resolve(triple(1)); },
  *count(n) { for (let i = 0; i < n; i++) yield i; },
  plain: 1,
  get computed() { return this.plain + 1; },
};
function double(n) { return n * 2; }
async function triple(n) { return n * 3; }
function* pair() { yield double.name; yield triple.name; }
export const result = {
  described: tool.describe("> "),
  later: await tool.later(),
  counted: [...tool.count(3)],
  computed: tool.computed,
  names: [...pair(), tool.describe.name, tool.later.name],
  builtins: [joinPath("a", "b"), sep, typeof fs.readFileSync, existsSync("."), typeof os.tmpdir, typeof events.once, once === events.once],
  hashed: [digest("sha256").update("kansa").digest("hex"), digest("md5").digest("hex"), typeof constants],
};
`;

describe('the build rewrites of the chunks (scripts/chunk-rewrites.ts)', () => {
  it('a chunk behaves the same after both rewrites', async () => {
    const rewritten = builtinsWithoutFacade(compileFunctionsEagerly(CHUNK));
    expect(await run(rewritten)).toEqual(await run(CHUNK));
  });

  it('writes functions in parentheses, declarations first, and no import of a built-in module', () => {
    const rewritten = builtinsWithoutFacade(compileFunctionsEagerly(CHUNK));
    expect(rewritten).toContain('var double = (function (n) { return n * 2; });');
    expect(rewritten).toContain('describe: (function (prefix)');
    expect(rewritten).toContain('count: (function* (n)');
    expect(rewritten.indexOf('var double')).toBeLessThan(rewritten.indexOf('const early'));
    expect(rewritten).toContain('get computed()');
    expect(rewritten).not.toMatch(/^import\b/m);
    expect(rewritten).toContain(
      'const { join: joinPath, sep } = globalThis.process.getBuiltinModule("node:path");',
    );
    // node:crypto's functions take the module on their first call; what is not a function, at once.
    expect(rewritten).toContain(
      'let digest = (...args) => (digest = globalThis.process.getBuiltinModule("node:crypto").createHash)(...args);',
    );
    expect(rewritten).toContain('const { constants } = globalThis.process.getBuiltinModule("node:crypto");');
  });

  it('leaves a method that uses super a method (a function expression may not)', async () => {
    const code = 'const o = { m() { return typeof super.toString; } };\nexport const result = o.m();\n';
    const rewritten = compileFunctionsEagerly(code);
    expect(rewritten).toContain('m() {');
    expect(await run(rewritten)).toBe('function');
  });

  it('takes the parentheses off the functions the coverage saw uncalled, and only those', async () => {
    const eager = builtinsWithoutFacade(compileFunctionsEagerly(CHUNK));
    const at = (text: string) => {
      const i = eager.indexOf(text);
      expect(i).toBeGreaterThan(0);
      return i;
    };
    const double = at('function (n) { return n * 2; }');
    const triple = at('async function (n) { return n * 3; }');
    const later = at('async function () { return await');
    const pair = at('function* () { yield');
    // `triple` ran; `double`, `later` and `pair` did not; the coverage does not name `pair`.
    const lazy = compileUncalledLazily(eager, {
      known: new Set([double, triple, later]),
      called: new Set([triple]),
    });
    expect(lazy).toContain('var double = function (n) { return n * 2; };');
    expect(lazy).toContain('later: async function () {');
    expect(lazy).toContain('var triple = (async function (n) { return n * 3; });');
    expect(lazy).toContain('var pair = (function* () {');
    expect(pair).toBeGreaterThan(0);
    expect(await run(lazy)).toEqual(await run(CHUNK));
  });

  it('finds chunks that import each other, which the build refuses (their functions become vars)', () => {
    const chunks = new Map([
      ['main.js', 'import { a } from "./a-1.js";\nimport "node:fs";\nexport const m = a;\n'],
      ['a-1.js', 'import { b } from "./b-2.js";\nexport function a() { return b(); }\n'],
      ['b-2.js', 'export function b() { return 1; }\n'],
    ]);
    expect(chunkImportCycle(chunks)).toBeUndefined();
    chunks.set(
      'b-2.js',
      'import { a } from "./a-1.js";\nexport const early = a;\nexport function b() { return 1; }\n',
    );
    expect(chunkImportCycle(chunks)).toEqual(['a-1.js', 'b-2.js', 'a-1.js']);
  });
});
