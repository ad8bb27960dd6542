import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../../../src/frameworks/load.ts';
import { FindingTally } from '../../../../src/report/summary.ts';
import { addMissingAccounts, evaluate } from '../../../../src/scan/evaluate.ts';
import { Inventory } from '../../../../src/scan/inventory.ts';
import { readInputFile } from '../../../../src/sources/read-inputs.ts';
import { type ExportFile, graphQuery } from '../../../helpers/exports.ts';
import { keyVaultRow } from '../arg-rows.ts';
import { keyList } from './key.ts';

/**
 * The requirements that map the key checks (OSK-6.1, GOV-3.5.2.2.5) must not pass on a vault's
 * recoverable alone: Resource Graph holds a vault without its keys.
 */
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function statuses(files: readonly ExportFile[]): Promise<Map<string, string>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kansa-vault-keys-'));
  dirs.push(dir);
  const inventory = new Inventory();
  for (const file of files) {
    const at = path.join(dir, file.name);
    await writeFile(at, file.text);
    await readInputFile(at, (resource) => inventory.add(resource));
  }
  addMissingAccounts(inventory);
  const result = new Map<string, string>();
  for (const name of ['osaka', 'gov'] as const) {
    const framework = await loadFramework(name);
    const tally = new FindingTally();
    for (const finding of evaluate(inventory, framework, new Date('2026-01-01T00:00:00Z')))
      tally.add(finding);
    for (const requirement of tally.requirements(framework, new Set(['azure'])))
      if (requirement.checks.includes('azure.keyvault.key-expiry'))
        result.set(requirement.id, requirement.status);
  }
  return result;
}

const vault = graphQuery([keyVaultRow('kv1', { enableSoftDelete: true, enablePurgeProtection: true })]);
/** ARM's list body of kv1's keys: one key that expires and rotates yearly. */
const keys = keyList({
  attributes: { exp: 1806710400 },
  rotationPolicy: {
    attributes: { created: 1712020364, updated: 1712020364 },
    lifetimeActions: [{ action: { type: 'Rotate' }, trigger: { timeAfterCreate: 'P1Y' } }],
  },
});

describe('the key requirements on a recoverable vault', () => {
  it('are UNKNOWN, not PASS, when its keys were not listed', async () => {
    const result = await statuses([vault]);
    expect([...result.keys()].sort()).toEqual(['GOV-3.5.2.2.5', 'OSK-6.1']);
    expect([...new Set(result.values())]).toEqual(['UNKNOWN']);
  });

  it('are judged on its keys when they were listed', async () => {
    const result = await statuses([vault, keys]);
    expect([...new Set(result.values())]).toEqual(['PASS']);
  });
});
