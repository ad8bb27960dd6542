import { describe, expect, it } from 'vitest';
import type { Citation, Framework } from '../../src/frameworks/framework.ts';
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
    'common.classification.cmk-at-rest',
    'aws.s3.bucket-cmk-encryption',
    'azure.storage.customer-managed-key',
    'gcp.storage.bucket-cmek',
  ],
  location: ['common.location.data-in-japan'],
};

interface Expectation {
  readonly name: string;
  readonly idPattern: RegExp;
  /** The documents (keys of the framework's `documents`) its requirements may cite. */
  readonly documents: readonly string[];
  /** The controls every requirement set of this framework maps (keys of HEADLINE_CHECKS). */
  readonly headlines: readonly string[];
  /** The id the first citation implies, e.g. kobe "4(3)" → KOBE-4.3; undefined when it implies none. */
  readonly sectionId: (citation: Citation) => string | undefined;
}

const KOBE: Expectation = {
  name: 'kobe',
  idPattern: /^KOBE-\d+(\.\d+)*$/,
  documents: ['kobe'],
  // The Kobe policy sets no rule on MFA or on public object storage as such (its 4(3) closed-network
  // rule covers exposure of class-2+ data services: common.classification.closed-network).
  headlines: ['audit logging', 'customer-managed keys', 'location'],
  // "2(4) 留意事項" → KOBE-2.4; "2" → KOBE-2
  sectionId: ({ doc, at }) => {
    const m = /^(\d+)(?:\((\d+)\))?/.exec(at);
    return doc === 'kobe' && m ? ['KOBE', [m[1], m[2]].filter(Boolean).join('.')].join('-') : undefined;
  },
};

const GOV: Expectation = {
  name: 'gov',
  idPattern: /^GOV-\d+(\.\d+)*$/,
  documents: ['national', 'location', 'ismap'],
  headlines: Object.keys(HEADLINE_CHECKS),
  // "3.5 2)(2)" → GOV-3.5.2.2; "3.4" → GOV-3.4; the discussion paper's 3.1 reads the policy's 3.3 1)(4)
  sectionId: ({ doc, at }) => {
    if (doc === 'location') return 'GOV-3.3.1.4';
    const m = /^(\d+)\.(\d+)(?: (\d+)\))?(?:\((\d+)\))?/.exec(at);
    return doc === 'national' && m ? `GOV-${[m[1], m[2], m[3], m[4]].filter(Boolean).join('.')}` : undefined;
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

  it('cites only its own source documents, and ids follow the first cited section', async () => {
    for (const { id, clause, citations } of (await load()).requirements) {
      for (const { doc } of citations) expect(expectation.documents, `${id}: "${clause}"`).toContain(doc);
      const section = expectation.sectionId(citations[0]!);
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

  it('maps the headline checks of the controls its text asks for', async () => {
    const mapped = new Set((await load()).requirements.flatMap((r) => r.checks));
    for (const control of expectation.headlines) {
      for (const checkId of HEADLINE_CHECKS[control]!)
        expect(mapped, `${control}: ${checkId}`).toContain(checkId);
    }
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

  it('gov leaves ISMAP registration to a person, per cloud (3.3 1)(3), ISMAP framework 2)', async () => {
    const ismap = (await loadFramework('gov')).requirements.find((r) => r.id === 'GOV-3.3.1.3');
    expect(ismap?.checks).toEqual([]);
    expect(Object.keys(ismap?.manual ?? {}).sort()).toEqual(['all', 'aws', 'azure', 'gcp']);
    expect(ismap?.citations).toContainEqual({ doc: 'ismap', at: '2' });
  });

  it('gov asks for two backup generations (3.5 3)(2) 複数) and bans only 特定秘密・極秘文書 (3.3 2)(1))', async () => {
    const gov = await loadFramework('gov');
    expect(gov.parameters.minBackupGenerations).toBe(2);
    const secrets = gov.requirements.find((r) => r.id === 'GOV-3.3.2.1');
    expect(secrets?.checks).toEqual(['common.classification.top-secret-data']);
  });

  it('kobe refuses backups abroad, and its KOBE-4.2.4 text says so', async () => {
    const kobe = await loadFramework('kobe');
    expect(kobe.parameters.allowBackupsAbroad).toBe(false);
    const text = kobe.requirements.find((r) => r.id === 'KOBE-4.2.4')?.manual.all?.ja ?? '';
    expect(text).toContain('例外として認めません');
    expect(text).not.toMatch(/国外でも適合/);
  });
});
