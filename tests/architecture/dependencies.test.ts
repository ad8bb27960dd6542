/**
 * Every runtime dependency earns its place: something in src/ imports it, and the README's
 * dependency table says why. A dependency nothing imports is removed, not carried.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|js)$/.test(entry.name) ? [readFileSync(full, 'utf8')] : [];
  });
}
const code = sources(path.join(ROOT, 'src')).join('\n');
const imports = new Set(
  [...code.matchAll(/(?:from\s*|import\(\s*)['"]((?:@[^/'"]+\/)?[^/'".][^/'"]*)/g)].map((m) => m[1]),
);

describe('runtime dependencies', () => {
  const names = Object.keys(manifest.dependencies);

  it('are each imported by src/', () => {
    expect(names.filter((name) => !imports.has(name))).toEqual([]);
  });

  it('are each in the README with why', () => {
    expect(names.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });
});
