import { readdirSync, readFileSync } from 'node:fs';

/**
 * The HTML report's page script is written as ES modules in ./client/ (checked by
 * `tsc -p src/report/html/client`, unit-tested in Node), but the page has one inline script,
 * allowed by its hash: a module script could import nothing under the page's CSP. This joins
 * the modules into that script, each in its own function scope, dependencies first, the entry
 * (main.js) last. The modules keep to the forms this reads, and anything else is refused here,
 * so a new form fails every report test rather than a browser:
 * - `import { a, b as c } from './x.js';` (named imports of a sibling module), and type-only
 *   imports in JSDoc comments (`@import`), which stay comments;
 * - `export function f`, `export const x`, `export class C` at the start of a line.
 */
export function clientScript(dir: URL): string {
  const modules = new Map<string, ClientModule>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    modules.set(name, parseModule(name, readFileSync(new URL(name, dir), 'utf8')));
  }
  const ordered: ClientModule[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, from: string) => {
    const module = modules.get(name);
    if (!module) throw new Error(`page script: ${from} imports ./${name}, which is not in ${dir.pathname}`);
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`page script: import cycle through ${name}`);
    state.set(name, 'visiting');
    for (const imported of module.imports) visit(imported.from, name);
    state.set(name, 'done');
    ordered.push(module);
  };
  visit(ENTRY, ENTRY);
  const unused = [...modules.keys()].filter((name) => !state.has(name));
  if (unused.length > 0) throw new Error(`page script: ${unused.join(', ')} imported by nothing`);

  const parts = ordered.map((m) => {
    const bindings = m.imports.map((i) => `const { ${i.names} } = ${scopeName(i.from)};\n`).join('');
    if (m.name === ENTRY) return `(() => {\n${bindings}${m.body}\n})();\n`;
    return `const ${scopeName(m.name)} = (() => {\n${bindings}${m.body}\nreturn { ${m.exports.join(', ')} };\n})();\n`;
  });
  return `// The kansa HTML report's page script, joined from src/report/html/client/*.js.\n(() => {\n'use strict';\n${parts.join('')}})();\n`;
}

const ENTRY = 'main.js';

interface ClientModule {
  readonly name: string;
  /** The module's text without its import statements and export keywords. */
  readonly body: string;
  /** Per import: the module and the destructuring of its names (`a, b: c`). */
  readonly imports: readonly { readonly from: string; readonly names: string }[];
  readonly exports: readonly string[];
}

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'\.\/([\w-]+\.js)';?[ \t]*$/gm;
const EXPORT =
  /^export (?=(?:async\s+)?function\*?\s+([\w$]+)|const\s+([\w$]+)|let\s+([\w$]+)|class\s+([\w$]+))/gm;
const OTHER = /^(?:import|export)\b.*$/m;

function parseModule(name: string, text: string): ClientModule {
  const imports: { from: string; names: string }[] = [];
  const exports: string[] = [];
  const body = text
    .replace(IMPORT, (_, names: string, from: string) => {
      const bindings = names
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '')
        .map((n) => n.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'));
      imports.push({ from, names: bindings.join(', ') });
      return '';
    })
    .replace(EXPORT, (_, fn?: string, constant?: string, variable?: string, cls?: string) => {
      exports.push((fn ?? constant ?? variable ?? cls)!);
      return '';
    });
  const other = OTHER.exec(body);
  if (other) {
    const line = text.slice(0, text.indexOf(other[0])).split('\n').length;
    throw new Error(
      `page script: src/report/html/client/${name}:${line}: \`${other[0]}\` is a form the joiner does not read (named imports from './x.js'; export function|const|let|class)`,
    );
  }
  return { name, body, imports, exports };
}

function scopeName(module: string): string {
  return `module_${module.slice(0, -3).replace(/\W/g, '_')}`;
}
