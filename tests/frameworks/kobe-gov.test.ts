import { describe, expect, it } from 'vitest';
import type { Framework } from '../../src/frameworks/framework.ts';
import { loadFramework } from '../../src/frameworks/load.ts';

/** The checks every framework must map somewhere: one per cloud for each headline control. */
const HEADLINE_CHECKS: Record<string, readonly string[]> = {
  MFA: ['aws.iam.root-mfa', 'aws.iam.admin-user-mfa', 'azure.iam.owner-mfa'],
  'audit logging': [
    'aws.cloudtrail.multi-region-trail',
    'azure.monitor.activity-log-exported',
    'gcp.logging.data-access-audit-logs',
  ],
  'public storage': [
    'aws.s3.bucket-public-access',
    'azure.storage.blob-public-access',
    'gcp.storage.bucket-public-access',
  ],
  'customer-managed keys': [
    'aws.s3.bucket-cmk-encryption',
    'azure.storage.customer-managed-key',
    'gcp.storage.bucket-cmek',
  ],
  location: ['common.location.data-in-japan'],
};

interface Expectation {
  readonly name: string;
  readonly idPattern: RegExp;
  /** Source files (shared/seeds prefixes) a clause may cite; several are separated by "; ". */
  readonly sources: readonly string[];
  /** The id a clause's section implies, e.g. "004 4(3)" → KOBE-4.3; undefined when it implies none. */
  readonly sectionId: (clause: string) => string | undefined;
}

const KOBE: Expectation = {
  name: 'kobe',
  idPattern: /^KOBE-\d+(\.\d+)*$/,
  sources: ['004'],
  // "004 2(4)（管理基準 6.2 エ）" → KOBE-2.4; "004 2（対策基準 10.1.1 イ）" → KOBE-2
  sectionId: (clause) => {
    const m = /^004 (\d+)(?:\((\d+)\))?/.exec(clause);
    return m ? ['KOBE', [m[1], m[2]].filter(Boolean).join('.')].join('-') : undefined;
  },
};

const GOV: Expectation = {
  name: 'gov',
  idPattern: /^GOV-\d+(\.\d+)*$/,
  sources: ['000', '001', '002'],
  // "000 §3.5 2)(2)（主体認証）" → GOV-3.5.2.2; "000 §3.4" → GOV-3.4; 001 §3.1 reads §3.3 1)(4)
  sectionId: (clause) => {
    if (clause.startsWith('001 ')) return 'GOV-3.3.1.4';
    const m = /^000 §(\d+)\.(\d+)(?: (\d+)\))?(?:\((\d+)\))?/.exec(clause);
    return m ? `GOV-${[m[1], m[2], m[3], m[4]].filter(Boolean).join('.')}` : undefined;
  },
};

describe.each([KOBE, GOV])('$name framework', (expectation) => {
  let framework: Framework;
  const load = async () => {
    framework ??= await loadFramework(expectation.name);
    return framework;
  };

  it('loads and validates', async () => {
    await expect(load()).resolves.toMatchObject({ id: expectation.name });
  });

  it('has unique requirement ids with its prefix', async () => {
    const ids = (await load()).requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(expectation.idPattern);
  });

  it('cites its own source documents in every clause, and ids follow the cited section', async () => {
    for (const { id, clause } of (await load()).requirements) {
      for (const part of clause.split(/;\s*/)) {
        expect(expectation.sources, `${id}: "${clause}"`).toContain(part.slice(0, 3));
        expect(part, `${id}: "${clause}"`).toMatch(/^\d{3} /);
      }
      const section = expectation.sectionId(clause);
      expect(section, `${id}: "${clause}" names no section`).toBeDefined();
      expect(id === section || id.startsWith(`${section}.`), `${id} does not follow "${clause}"`).toBe(true);
    }
  });

  it('gives every requirement checks or a MANUAL item', async () => {
    for (const requirement of (await load()).requirements) {
      const automated = requirement.checks.length > 0;
      const manual = Object.keys(requirement.manual).length > 0;
      expect(automated || manual, `${requirement.id} has neither checks nor MANUAL items`).toBe(true);
    }
  });

  it.each(Object.entries(HEADLINE_CHECKS))('maps the %s checks', async (_control, checkIds) => {
    const mapped = new Set((await load()).requirements.flatMap((r) => r.checks));
    for (const checkId of checkIds) expect(mapped, checkId).toContain(checkId);
  });

  it('keeps data in Japanese regions and classifies untagged resources as class 2', async () => {
    const { parameters } = await load();
    expect(parameters.allowedRegions).toEqual({
      aws: ['ap-northeast-1', 'ap-northeast-3'],
      azure: ['japaneast', 'japanwest'],
      gcp: ['asia-northeast1', 'asia-northeast2', 'asia1'],
    });
    expect(parameters.classification).toEqual({ tagKey: 'confidentiality', default: 2 });
  });
});

describe('parameters that differ', () => {
  it('kobe keeps logs 365 days (2(4)) and allows no backup abroad (2(2), 別紙)', async () => {
    const { parameters } = await loadFramework('kobe');
    expect(parameters.logRetentionDays).toBe(365);
    expect(parameters.allowBackupsAbroad).toBe(false);
  });

  it('gov allows backups abroad (000 §3.3 1)(4)): the backup tags stay in force', async () => {
    const { parameters } = await loadFramework('gov');
    expect(parameters.allowBackupsAbroad).toBe(true);
    expect(parameters.customerKeyReliefMaxClass).toBe(3);
    expect(parameters.backupTag.values).toContain('backup');
  });

  it('gov leaves ISMAP registration to a person, per cloud (000 §3.3 1)(3), 002)', async () => {
    const ismap = (await loadFramework('gov')).requirements.find((r) => r.id === 'GOV-3.3.1.3');
    expect(ismap?.checks).toEqual([]);
    expect(Object.keys(ismap?.manual ?? {}).sort()).toEqual(['all', 'aws', 'azure', 'gcp']);
    expect(ismap?.clause).toContain('002');
  });
});
