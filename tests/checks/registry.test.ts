import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.ts';
import { KANSA_TYPES } from '../../src/model/resource.ts';
import { checkDocPath, checkTestPath } from '../helpers/check-docs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHECKS_DIR = path.join(ROOT, 'src/checks');

/** Every check module on disk: src/checks/<cloud>/<service>/<name>.ts (helpers and registries excluded). */
function checkModulesOnDisk(): string[] {
  const found: string[] = [];
  for (const cloud of readdirSync(CHECKS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const service of readdirSync(path.join(CHECKS_DIR, cloud.name), { withFileTypes: true })) {
      if (!service.isDirectory()) continue;
      for (const file of readdirSync(path.join(CHECKS_DIR, cloud.name, service.name))) {
        const source = readFileSync(path.join(CHECKS_DIR, cloud.name, service.name, file), 'utf8');
        if (file.endsWith('.ts') && /export default defineCheck[<(]/.test(source)) {
          found.push(`${cloud.name}.${service.name}.${file.slice(0, -3)}`);
        }
      }
    }
  }
  return found.sort();
}

describe('check registry', () => {
  const ids = CHECKS.map((c) => c.meta.id);

  it('registers every check module, and its id is its path', () => {
    expect([...ids].sort()).toEqual(checkModulesOnDisk());
  });

  it('lists each cloud’s checks sorted by id, without duplicates', () => {
    for (const cloud of ['common', 'aws', 'azure', 'gcp']) {
      const ofCloud = ids.filter((id) => id.startsWith(`${cloud}.`));
      expect(ofCloud).toEqual([...ofCloud].sort());
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every check Japanese and English text, resource types and a provider matching its folder', () => {
    for (const { meta } of CHECKS) {
      const texts = [meta.title, meta.rationale, meta.remediation, ...Object.values(meta.messages)];
      for (const text of texts) {
        expect(text.ja.trim(), meta.id).not.toBe('');
        expect(text.en.trim(), meta.id).not.toBe('');
        expect(text.ja, `${meta.id}: Japanese text should be Japanese`).toMatch(
          /[\u3040-\u30ff\u4e00-\u9fff]/,
        );
      }
      expect(meta.resourceTypes.length, meta.id).toBeGreaterThan(0);
      for (const type of meta.resourceTypes) expect(KANSA_TYPES).toContain(type);
      const folder = meta.id.split('.')[0];
      expect(meta.provider, meta.id).toBe(folder === 'common' ? 'any' : folder);
    }
  });

  it('has, for every check, its RuleTester test and cases beside its path, and its docs page', () => {
    const missing: string[] = [];
    for (const id of ids) {
      const test = checkTestPath(id, 'test');
      const source = existsSync(test) ? readFileSync(test, 'utf8') : '';
      const runsRuleTester =
        /import \{[^}]*\brun\b[^}]*\} from '(?:\.\.\/)+helpers\/rule-tester\.ts'/.test(source) &&
        /^run\(check, cases\);$/m.test(source) &&
        source.includes(`src/checks/${id.replaceAll('.', '/')}.ts'`);
      if (!runsRuleTester) missing.push(`${path.relative(ROOT, test)} (runs the RuleTester on the check)`);
      if (!existsSync(checkTestPath(id, 'cases')))
        missing.push(path.relative(ROOT, checkTestPath(id, 'cases')));
      if (!existsSync(checkDocPath(id)))
        missing.push(`${path.relative(ROOT, checkDocPath(id))} (npm run docs)`);
    }
    expect(missing).toEqual([]);
  });
});
