import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateParsedFrameworks } from '../../scripts/generate-frameworks.ts';
import { parseFramework } from '../../src/frameworks/framework-yaml.ts';
import {
  listFrameworks,
  loadFramework,
  POLICIES_DIR,
  readParsedFramework,
} from '../../src/frameworks/load.ts';

describe('the built-in frameworks parsed at build time (policies/parsed/)', () => {
  it('are the frameworks as their YAML is now (npm run frameworks)', () => {
    for (const [file, text] of generateParsedFrameworks()) {
      expect(readFileSync(file, 'utf8'), `${file} is stale: run npm run frameworks`).toBe(text);
    }
  });

  it('give the same framework as reading the YAML', async () => {
    for (const name of await listFrameworks()) {
      const file = path.join(POLICIES_DIR, `${name}.yaml`);
      expect(await loadFramework(name)).toEqual(parseFramework(file, readFileSync(file, 'utf8')));
    }
  });

  it('are used only for the YAML text they were read from: an edited framework is read as YAML', async () => {
    const text = readFileSync(path.join(POLICIES_DIR, 'osaka.yaml'), 'utf8');
    await expect(readParsedFramework('osaka', text)).resolves.toMatchObject({ id: 'osaka' });
    await expect(readParsedFramework('osaka', `${text}# edited\n`)).resolves.toBeUndefined();
    // An edit that keeps the length: one setting changed in place.
    const sameLength = text.replace('japaneast', 'japanwest');
    expect(sameLength).not.toBe(text);
    await expect(readParsedFramework('osaka', sameLength)).resolves.toBeUndefined();
    await expect(readParsedFramework('tokyo', text)).resolves.toBeUndefined();
  });
});
