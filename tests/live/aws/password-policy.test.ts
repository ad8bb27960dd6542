import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFramework } from '../../../src/frameworks/load.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import type { InventoryRead } from '../../../src/scan/read-inventory.ts';
import { generateScenario } from '../../fakes/aws/scenario.ts';
import { type FakeAws, type FakeAwsFaults, startFakeAws } from '../../fakes/aws/server.ts';
import { liveScan, NOW, offlineScan, tempDir } from './helpers.ts';

const ROLE = 'arn:aws:iam::{account}:role/KansaAudit';
const fakes: FakeAws[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Three accounts: a CIS-strict policy, a weak one, none (the scenario's turns). */
async function setup(faults: FakeAwsFaults = {}) {
  const scenario = generateScenario({
    seed: 7,
    accounts: 3,
    regions: ['ap-northeast-1'],
    resourcesPerRegion: 2,
  });
  const fake = await startFakeAws(scenario, faults);
  fakes.push(fake);
  return { fake, accounts: scenario.accounts.map((a) => a.id) };
}

/** `<account> <status> <message id>` of aws.iam.password-policy for each account. */
async function policyFindings(read: InventoryRead): Promise<string[]> {
  const framework = await loadFramework('osaka');
  return [...evaluate(read.inventory, framework, NOW)]
    .filter((f) => f.checkId === 'aws.iam.password-policy')
    .map((f) => `${f.resource.account} ${f.status} ${f.messageId}`)
    .sort();
}

describe('live AWS: the account password policy (iam:GetAccountPasswordPolicy)', () => {
  it('reads each account once: a strict policy PASS, a weak one FAIL, NoSuchEntity FAIL (no policy)', async () => {
    const { fake, accounts } = await setup();
    const dir = await tempDir('kansa-aws-password-policy-');
    dirs.push(dir);
    const live = await liveScan(fake, { roleArn: ROLE, accounts }, { saveInventoryDir: dir });
    const [strict, weak, none] = accounts as [string, string, string];
    expect(live.read.scopes.find((s) => s.scope === `${none} iam password policy`)).toMatchObject({
      resources: 1,
      requests: 1,
    });
    expect(live.read.scopes.filter((s) => /password policy/.test(s.scope) && s.error)).toEqual([]);
    expect(fake.stats.byOperation.get('iam:GetAccountPasswordPolicy')).toBe(3);
    const findings = await policyFindings(live.read);
    expect(findings).toEqual([`${strict} PASS strict`, `${weak} FAIL weak`, `${none} FAIL noPolicy`].sort());

    // --save-inventory: the CLI's shapes, which the offline path reads back to the same findings.
    const saved = (await readdir(path.join(dir, 'aws', 'iam'))).filter((f) => f.includes('password-policy'));
    expect(saved.sort()).toEqual(
      [
        `${strict}_password-policy.json`,
        `${weak}_password-policy.json`,
        `${none}_password-policy.txt`,
      ].sort(),
    );
    expect(
      JSON.parse(await readFile(path.join(dir, 'aws', 'iam', `${weak}_password-policy.json`), 'utf8')),
    ).toEqual({
      PasswordPolicy: {
        MinimumPasswordLength: 8,
        RequireSymbols: false,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        ExpirePasswords: false,
      },
    });
    expect(await readFile(path.join(dir, 'aws', 'iam', `${none}_password-policy.txt`), 'utf8')).toBe(
      `An error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: The Password Policy with domain name ${none} cannot be found.\n`,
    );
    expect(await policyFindings(await offlineScan(dir))).toEqual(findings);
  });

  it('denied: the policy stays unknown and the scope names the action and what grants it', async () => {
    const { fake, accounts } = await setup({ deniedOperations: new Set(['iam:GetAccountPasswordPolicy']) });
    const live = await liveScan(fake, { roleArn: ROLE, accounts });
    const scope = live.read.scopes.find((s) => s.scope === `${accounts[0]} iam password policy`);
    expect(scope?.error).toMatch(
      /access denied to iam:GetAccountPasswordPolicy \(AccessDenied\).*SecurityAudit or ReadOnlyAccess.*stays unknown/,
    );
    expect(scope?.resources).toBe(0);
    // The rest of the account is read; the check says UNKNOWN rather than passing.
    expect(
      live.read.scopes.find((s) => s.scope === `${accounts[0]} iam credential report`)?.error,
    ).toBeUndefined();
    // Read live, the message names the call and what grants it, not an export to add.
    expect(await policyFindings(live.read)).toEqual(accounts.map((a) => `${a} UNKNOWN noExport.live`).sort());
  });
});
