import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext, Script } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { clientScript } from '../../../src/report/html/client-script.ts';

const CLIENT = new URL('../../../src/report/html/client/', import.meta.url);
const dirs: string[] = [];

/** A directory of page-script modules, as URL. */
function modules(files: Record<string, string>): URL {
  const dir = mkdtempSync(path.join(tmpdir(), 'kansa-client-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return pathToFileURL(`${dir}/`);
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('page script: the modules joined into one inline script', () => {
  it('joins every module of src/report/html/client into one script that parses, dependencies first, main.js last', () => {
    const script = clientScript(CLIENT);
    expect(() => new Script(script)).not.toThrow();
    const names = readdirSync(CLIENT).filter((n) => n.endsWith('.js'));
    const scopes = [...script.matchAll(/^const module_(\w+) = \(\(\) => \{$/gm)].map((m) => `${m[1]}.js`);
    expect([...scopes, 'main.js'].sort()).toEqual(names.sort());
    expect(scopes.indexOf('labels.js')).toBeLessThan(scopes.indexOf('filter.js'));
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(clientScript(CLIENT)).toBe(script);
  });

  it('keeps each module in its own scope, with renamed imports', () => {
    const script = clientScript(
      modules({
        'a.js':
          "const hidden = 'a';\nexport const value = hidden;\nexport function twice(x) {\n  return 2 * x;\n}\n",
        'b.js':
          "import { twice } from './a.js';\nconst hidden = 'b';\nexport class Box {\n  get value() {\n    return hidden + twice(2);\n  }\n}\n",
        'main.js':
          "import { value as a } from './a.js';\nimport {\n  Box,\n} from './b.js';\nglobalThis.out = [a, new Box().value];\n",
      }),
    );
    const context: { out?: unknown } = {};
    runInNewContext(script, context);
    expect(context.out).toEqual(['a', 'b4']);
  });

  it('refuses the forms it does not read, naming the file and line', () => {
    const main = "import { x } from './a.js';\nglobalThis.out = x;\n";
    for (const [a, form] of [
      ['const x = 1;\nexport default x;\n', 'export default x;'],
      ['const x = 1;\nexport { x };\n', 'export { x };'],
      ["export * from './b.js';\n", "export * from './b.js';"],
      ["import y from './b.js';\nexport const x = y;\n", "import y from './b.js';"],
      ["import * as b from './b.js';\nexport const x = b;\n", "import * as b from './b.js';"],
      ["import { y } from 'somewhere';\nexport const x = y;\n", "import { y } from 'somewhere';"],
    ] as const) {
      expect(() =>
        clientScript(modules({ 'a.js': a, 'b.js': 'export const y = 1;\n', 'main.js': main })),
      ).toThrow(`a.js:${a.split('\n').indexOf(form) + 1}: \`${form}\``);
    }
  });

  it('refuses a cycle, an import of a module that is not there, and a module nothing imports', () => {
    expect(() =>
      clientScript(
        modules({
          'a.js': "import { b } from './b.js';\nexport const a = 1;\n",
          'b.js': "import { a } from './a.js';\nexport const b = a;\n",
          'main.js': "import { a } from './a.js';\n",
        }),
      ),
    ).toThrow('import cycle');
    expect(() => clientScript(modules({ 'main.js': "import { a } from './gone.js';\n" }))).toThrow(
      'main.js imports ./gone.js',
    );
    expect(() =>
      clientScript(modules({ 'main.js': 'globalThis.out = 1;\n', 'left.js': 'export const x = 1;\n' })),
    ).toThrow('left.js imported by nothing');
  });
});
