import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.ts';
import { CHECK_DOCS_DIR, renderCheckDocs } from '../helpers/check-docs.ts';

it('docs/checks has one up-to-date page per check (regenerate with `npm run docs`)', async () => {
  const pages = await renderCheckDocs(CHECKS);
  expect(readdirSync(CHECK_DOCS_DIR).sort()).toEqual([...pages.keys()].sort());
  for (const [file, text] of pages) {
    expect(readFileSync(path.join(CHECK_DOCS_DIR, file), 'utf8'), file).toBe(text);
  }
});
