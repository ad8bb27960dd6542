/**
 * The layers of docs/architecture.md, held by a test rather than by memory: every import in
 * `src/` is parsed, and an arrow that runs the wrong way, an import from outside `src/`, a cloud
 * SDK outside the code that calls the clouds, or a cycle between modules fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** Which layers each layer may import. A layer may always import itself. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  base: [],
  model: ['base'],
  sources: ['base', 'model'],
  checks: ['base', 'model'],
  scan: ['base', 'model', 'sources', 'checks'],
  frameworks: ['base', 'model', 'checks', 'scan'],
  report: ['base', 'model', 'checks', 'scan', 'frameworks'],
  store: ['base', 'model', 'checks', 'scan', 'frameworks', 'report'],
  send: ['base', 'model', 'checks', 'scan', 'frameworks', 'report', 'store'],
  cli: ['base', 'model', 'sources', 'checks', 'scan', 'frameworks', 'report', 'store', 'send'],
};

/** Cloud SDKs are loaded only by the code that calls a cloud: live collectors and SOC delivery. */
const CLOUD_SDK = /^(@aws-sdk\/|@azure\/|@google-cloud\/|google-auth-library|google-gax)/;
const MAY_LOAD_CLOUD_SDK = /^(sources\/(aws|azure|gcp)\/live\/|send\/)/;

interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly line: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Static imports and re-exports (`import … from`, `export … from`, `import '…'`) and `import('…')`. */
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): { specifier: string; line: number }[] {
  const text = readFileSync(file, 'utf8');
  const found: { specifier: string; line: number }[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier) continue;
    const line = text.slice(0, match.index + match[0].indexOf(specifier)).split('\n').length;
    found.push({ specifier, line });
  }
  return found;
}

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const layerOf = (relativePath: string) => relativePath.split('/')[0] ?? '';

const files = sourceFiles(SRC);
const localEdges: ImportEdge[] = [];
const packageImports: { from: string; specifier: string; line: number }[] = [];
const outsideImports: ImportEdge[] = [];
for (const file of files) {
  for (const { specifier, line } of importsOf(file)) {
    if (!specifier.startsWith('.')) {
      packageImports.push({ from: relative(file), specifier, line });
      continue;
    }
    const target = path.resolve(path.dirname(file), specifier);
    const edge = { from: relative(file), to: relative(target), line };
    if (target.startsWith(SRC + path.sep)) localEdges.push(edge);
    else outsideImports.push(edge);
  }
}

describe('layers (docs/architecture.md)', () => {
  it('knows every top-level folder of src/ as a layer', () => {
    const layers = new Set(files.map((file) => layerOf(relative(file))));
    layers.delete('');
    expect([...layers].filter((layer) => !(layer in MAY_IMPORT) && !layer.endsWith('.ts'))).toEqual([]);
  });

  it('imports run one way: no layer imports one above it', () => {
    const wrong = localEdges
      .filter((edge) => {
        const from = layerOf(edge.from);
        const to = layerOf(edge.to);
        return from !== to && !(MAY_IMPORT[from] ?? []).includes(to);
      })
      .map((edge) => `${edge.from}:${edge.line} → ${edge.to}`);
    expect(wrong).toEqual([]);
  });

  it('reads nothing outside src/ at run time (the package metadata aside)', () => {
    const outside = outsideImports
      .filter((edge) => !(edge.to === '../package.json' && layerOf(edge.from) === 'cli'))
      .map((edge) => `${edge.from}:${edge.line} → ${edge.to}`);
    expect(outside).toEqual([]);
  });

  it('loads cloud SDKs only where kansa calls a cloud', () => {
    const misplaced = packageImports
      .filter((edge) => CLOUD_SDK.test(edge.specifier) && !MAY_LOAD_CLOUD_SDK.test(edge.from))
      .map((edge) => `${edge.from}:${edge.line} → ${edge.specifier}`);
    expect(misplaced).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    const graph = new Map<string, string[]>();
    for (const edge of localEdges) graph.set(edge.from, [...(graph.get(edge.from) ?? []), edge.to]);
    expect(cycles(graph)).toEqual([]);
  });
});

/** Tarjan's strongly connected components: each component of more than one module is a cycle. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}
