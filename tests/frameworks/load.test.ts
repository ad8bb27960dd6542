import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/input-error.ts';
import { parseFramework } from '../../src/frameworks/framework-yaml.ts';
import { listFrameworks, loadFramework } from '../../src/frameworks/load.ts';

const CHECKLIST = path.resolve(import.meta.dirname, '../../docs/spec/checklist.md');

/** The requirement ids of the checklist, e.g. OSK-1.1, LOC-2, CLS-3 (first column of its tables). */
async function checklistIds(): Promise<string[]> {
  const text = await readFile(CHECKLIST, 'utf8');
  return [...text.matchAll(/^\| ((?:OSK|LOC|CLS)-[\d.]+) \|/gm)].map((m) => m[1]!);
}

const MINIMAL = `id: test
version: "1"
title: {ja: テスト, en: Test}
source: test.txt
requirements:
  - id: OSK-3.1
    cite: [{doc: t, at: "第1章 1(1)"}]
    title: {ja: 公開しない, en: Not public}
    checks: [common.location.data-in-japan]
    force: must
documents: {t: {title: {ja: テストの指針, en: Test guideline}, file: test.txt}}
`;

function errorOf(text: string): InputError {
  try {
    parseFramework('policies/bad.yaml', text);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('built-in frameworks', () => {
  it('osaka lists every OSK and LOC/CLS requirement of the checklist, in its order, with its checks', async () => {
    const osaka = await loadFramework('osaka');
    expect(osaka.requirements.map((r) => r.id)).toEqual(await checklistIds());
    for (const requirement of osaka.requirements) {
      const automated = requirement.checks.length > 0;
      const manual = Object.keys(requirement.manual).length > 0;
      expect(automated || manual, `${requirement.id} has neither checks nor MANUAL items`).toBe(true);
    }
  });

  it('every built-in framework loads and validates', async () => {
    for (const name of await listFrameworks()) {
      await expect(loadFramework(name)).resolves.toMatchObject({ id: name });
    }
  });
});

describe('framework validation names file and line', () => {
  it('accepts a minimal framework and fills default parameters', () => {
    const framework = parseFramework('policies/test.yaml', MINIMAL);
    expect(framework.parameters.allowedRegions.aws).toContain('ap-northeast-1');
    expect(framework.requirements[0]?.checks).toEqual(['common.location.data-in-japan']);
  });

  it('overrides only the parameters it names', () => {
    const text = MINIMAL.replace(
      'source: test.txt',
      'source: test.txt\nparameters:\n  allowedRegions:\n    azure: [japaneast]',
    );
    const framework = parseFramework('policies/test.yaml', text);
    expect(framework.parameters.allowedRegions.azure).toEqual(['japaneast']);
    expect(framework.parameters.allowedRegions.gcp).toContain('asia-northeast1');
  });

  it('rejects an unknown check id at its line', () => {
    const error = errorOf(
      MINIMAL.replace('checks: [common.location.data-in-japan]', 'checks:\n      - aws.s3.no-such-check'),
    );
    expect(error.message).toMatch(/^policies\/bad\.yaml:10: unknown check id "aws\.s3\.no-such-check"/);
  });

  it('rejects an unknown key at its line', () => {
    const error = errorOf(MINIMAL.replace('    cite:', '    severity: high\n    cite:'));
    expect(error.line).toBe(7);
    expect(error.message).toContain('unknown key "severity"');
  });

  it('rejects a requirement without its force, and a force the schema does not know', () => {
    expect(errorOf(MINIMAL.replace('    force: must\n', '')).message).toContain(
      'missing required key "force"',
    );
    const error = errorOf(MINIMAL.replace('force: must', 'force: optional'));
    expect(error.line).toBe(10);
    expect(error.message).toContain('expected one of must, recommended, desirable, confirm');
  });

  it('rejects a citation of a document the framework does not list, at its line', () => {
    const error = errorOf(MINIMAL.replace('{doc: t,', '{doc: osaka,'));
    expect(error.line).toBe(7);
    expect(error.message).toContain('unknown document "osaka"');
  });

  it("renders the clause as each guideline's title and its own numbering, never the file name", () => {
    const text = MINIMAL.replace(
      'cite: [{doc: t, at: "第1章 1(1)"}]',
      'cite: [{doc: t, at: "第1章 1(1)"}, {doc: t, at: "第1章 1(2)"}]',
    );
    const [requirement] = parseFramework('policies/test.yaml', text).requirements;
    expect(requirement?.clause).toBe('テストの指針 第1章 1(1), 第1章 1(2)');
    expect(requirement?.force).toBe('must');
    expect(requirement?.severityCeiling).toBe('critical');
  });

  it('caps the severity of desirable, recommended and confirm requirements', () => {
    const ceiling = (force: string) =>
      parseFramework('policies/test.yaml', MINIMAL.replace('force: must', `force: ${force}`)).requirements[0]
        ?.severityCeiling;
    expect([ceiling('desirable'), ceiling('recommended'), ceiling('confirm')]).toEqual([
      'low',
      'low',
      'info',
    ]);
  });

  it('rejects a missing title, naming the requirement', () => {
    const error = errorOf(MINIMAL.replace('    title: {ja: 公開しない, en: Not public}\n', ''));
    expect(error.line).toBe(6);
    expect(error.message).toContain('missing required key "title"');
  });

  it('rejects a malformed requirement id', () => {
    const error = errorOf(MINIMAL.replace('id: OSK-3.1', 'id: osk 3.1'));
    expect(error.line).toBe(6);
    expect(error.message).toContain('does not match');
  });

  it('rejects duplicate requirement ids', () => {
    const at = MINIMAL.indexOf('documents:');
    const requirement = MINIMAL.slice(MINIMAL.indexOf('  - id: OSK-3.1'), at);
    const error = errorOf(MINIMAL.slice(0, at) + requirement + MINIMAL.slice(at));
    expect(error.message).toContain('duplicate requirement id OSK-3.1');
    expect(error.line).toBe(11);
  });

  it('reports YAML syntax errors with line and column', () => {
    const error = errorOf('id: test\ntitle: {ja: x\nversion: 1\n');
    expect(error.message).toMatch(/^policies\/bad\.yaml:\d+:\d+: invalid YAML/);
  });

  it('names the built-in frameworks when one is not found', async () => {
    await expect(loadFramework('tokyo')).rejects.toThrow(/^tokyo: framework not found \(built-in: .*osaka/);
    await expect(loadFramework('policies/tokyo.yaml')).rejects.toThrow(
      /^policies\/tokyo\.yaml: framework not found/,
    );
  });
});
