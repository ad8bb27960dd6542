import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingsFromText } from '../helpers/findings-file.ts';
import { kansaHere } from './run-kansa.ts';

const SUB = '0b7e3c1a-2d4f-4e6a-8b9c-1d2e3f4a5b6c';
let dir: string;

/** `az graph query -o json` rows: one storage account with a long hostile name and 2,000 tags. */
function inventory(): string {
  const account = (name: string, tags: Record<string, string>) => ({
    id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name.slice(0, 24)}`,
    name,
    type: 'microsoft.storage/storageaccounts',
    location: 'japaneast',
    subscriptionId: SUB,
    tags,
    properties: { allowBlobPublicAccess: false, minimumTlsVersion: 'TLS1_2' },
  });
  const many = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`tag${i}`, `v${i}`]));
  const data = [account(`${'a'.repeat(5000)}!`, { owner: 'x' }), account('stwithtags', many)];
  return JSON.stringify({ count: data.length, data, skip_token: null, total_records: data.length });
}

const rule = (id: string, condition: string) => `  - id: ${id}
    requirements: [OSK-3.1]
    provider: azure
    resourceTypes: [storage.account]
    severity: low
    title: {ja: テスト, en: test}
    condition: '${condition}'
    remediation: {ja: 直す, en: fix}
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-rules-'));
  await writeFile(path.join(dir, 'inventory.json'), inventory());
});

describe('organisation rules (CEL) cannot stall a scan', { timeout: 120_000 }, () => {
  it('a backtracking pattern and nested .all() over 2,000 tags finish within their limit', async () => {
    const policy = path.join(dir, 'slow.yaml');
    await writeFile(
      policy,
      `rules:\n${rule('custom.catastrophic', 'name.matches("^(a+)+$")')}${rule(
        'custom.nested',
        'tags.all(a, tags.all(b, a != b || a == b))',
      )}`,
    );
    const result = await kansaHere([
      'scan',
      '--input',
      path.join(dir, 'inventory.json'),
      '--org-policy',
      policy,
      '--format',
      'json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { findings } = await findingsFromText(result.stdout);
    const of = (checkId: string, name: string) =>
      findings.find((f) => f.checkId === checkId && f.resource.name.startsWith(name));
    // RE2 semantics, linear time: 5,000 characters decided (no match), not hung.
    expect(of('custom.catastrophic', 'aaaa')?.status).toBe('FAIL');
    expect(of('custom.catastrophic', 'stwithtags')?.status).toBe('FAIL');
    // 2,000 × 2,000 steps: stopped at the limit, UNKNOWN with the reason; a small list passes.
    expect(of('custom.nested', 'stwithtags')).toMatchObject({
      status: 'UNKNOWN',
      message: { en: expect.stringMatching(/stopped at its evaluation limit \(100000 steps\)/) },
    });
    expect(of('custom.nested', 'aaaa')?.status).toBe('PASS');
  }, 120_000);

  it('rejects an undeclared variable when the policy loads, at its file:line', async () => {
    const policy = path.join(dir, 'undeclared.yaml');
    await writeFile(policy, `rules:\n${rule('custom.typo', 'tag["owner"] == "x"')}`);
    const result = await kansaHere([
      'scan',
      '--input',
      path.join(dir, 'inventory.json'),
      '--org-policy',
      policy,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^kansa: ${policy}:8: invalid CEL in condition: undeclared variable "tag" \\(a rule sees: .*tags`,
      ),
    );
  });

  it('rejects a pattern RE2 does not accept (a lookahead) at its file:line', async () => {
    const policy = path.join(dir, 'lookahead.yaml');
    await writeFile(policy, `rules:\n${rule('custom.look', 'name.matches("(?=a)b")')}`);
    const result = await kansaHere([
      'scan',
      '--input',
      path.join(dir, 'inventory.json'),
      '--org-policy',
      policy,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/:8: invalid CEL in condition: matches\(\): not an RE2 regular expression/);
  });
});

describe('YAML alias bombs', { timeout: 120_000 }, () => {
  const bomb = [
    'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    '',
  ].join('\n');

  it.each(['--org-policy', '--framework'])('%s: a file:line error and exit 2', async (flag) => {
    const file = path.join(dir, `bomb${flag}.yaml`);
    await writeFile(file, bomb);
    const result = await kansaHere(['scan', '--input', path.join(dir, 'inventory.json'), flag, file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `kansa: ${file}:3: invalid YAML: aliases expand too far (an alias bomb); write the values out\n`,
    );
  });
});
