import { describe, expect, it } from 'vitest';
import { explicit } from '../../src/model/fact.ts';
import type { Resource } from '../../src/model/resource.ts';
import { Inventory } from '../../src/scan/inventory.ts';

function volume(overrides: Partial<Resource> = {}): Resource {
  return {
    provider: 'aws',
    account: '111122223333',
    region: 'ap-northeast-1',
    kansaType: 'compute.disk',
    nativeType: 'AWS::EC2::Volume',
    id: 'arn:aws:ec2:ap-northeast-1:111122223333:volume/vol-1',
    name: 'vol-1',
    tags: {},
    facts: {},
    origin: { file: 'a.json', index: 0 },
    ...overrides,
  };
}

describe('Inventory: versions of one resource across files', () => {
  it('keeps the newest dated record whole, whichever file came first', () => {
    for (const order of [0, 1]) {
      const inventory = new Inventory();
      const older = volume({
        observedAt: 1000,
        facts: { encrypted: explicit(false, 'configuration.encrypted') },
      });
      const newer = volume({
        observedAt: 2000,
        facts: { encrypted: explicit(true, 'configuration.encrypted') },
      });
      for (const r of order === 0 ? [older, newer] : [newer, older]) inventory.add(r);
      expect(inventory.size).toBe(1);
      expect(inventory.byId('aws', newer.id)?.facts).toEqual(newer.facts);
    }
  });

  // A change notification carries the one resource that changed (Resource.notified); the
  // snapshot before it listed the resource, which stays listed under the newer state.
  it('keeps a resource a listing held listed when a newer change notification supersedes it', () => {
    for (const order of [0, 1]) {
      const inventory = new Inventory();
      const snapshot = volume({ observedAt: 1000 });
      const notification = volume({
        observedAt: 2000,
        notified: true,
        origin: { file: 'events.json', index: 0 },
      });
      for (const r of order === 0 ? [snapshot, notification] : [notification, snapshot]) inventory.add(r);
      expect(inventory.byId('aws', snapshot.id)).toMatchObject({ origin: { file: 'events.json' } });
      expect(inventory.byId('aws', snapshot.id)?.notified).toBeUndefined();
    }
    const onlyNotified = new Inventory();
    onlyNotified.add(volume({ observedAt: 1000, notified: true }));
    onlyNotified.add(volume({ observedAt: 2000, notified: true }));
    expect(onlyNotified.byId('aws', volume().id)?.notified).toBe(true);
  });

  // An answer that selected some resources (Resource.picked: a filtered answer, a page) and a
  // listing of the same resource: the listing held it. Two selections, or a selection and a
  // notification, are no listing.
  it('keeps a resource picked only where no listing held it', () => {
    const id = (records: readonly Resource[]) => {
      const inventory = new Inventory();
      for (const record of records) inventory.add(record);
      return inventory.byId('aws', volume().id);
    };
    const picked = volume({ picked: true, origin: { file: 'vpc-0a1b2c3d/describe-volumes.json', index: 0 } });
    expect(id([picked, volume()])?.picked).toBeUndefined();
    expect(id([volume(), picked])?.picked).toBeUndefined();
    expect(id([picked, volume({ picked: true })])?.picked).toBe(true);
    expect(id([picked, volume({ notified: true })])).toMatchObject({ picked: true });
    expect(id([volume({ notified: true }), picked])).toMatchObject({ picked: true });
    expect(id([volume({ notified: true }), picked])?.notified).toBeUndefined();
    expect(
      id([volume({ observedAt: 1000 }), volume({ observedAt: 2000, picked: true })])?.picked,
    ).toBeUndefined();
  });

  it('drops a resource whose newest record is a deletion, and counts it', () => {
    const inventory = new Inventory();
    inventory.add(volume({ observedAt: 1000 }));
    inventory.add(volume({ observedAt: 3000, deleted: true, facts: {} }));
    inventory.add(volume({ id: 'arn:aws:ec2:ap-northeast-1:111122223333:volume/vol-2', observedAt: 500 }));
    expect([...inventory.all()].map((r) => r.name)).toEqual(['vol-1']);
    expect(inventory.byId('aws', volume().id)).toBeUndefined();
    expect(inventory.inAccount('aws', '111122223333')).toHaveLength(1);
    expect(inventory.size).toBe(1);
    expect(inventory.deletedCount).toBe(1);
  });

  it('revives a resource recreated after its deletion', () => {
    const inventory = new Inventory();
    inventory.add(volume({ observedAt: 3000, deleted: true }));
    inventory.add(volume({ observedAt: 4000 }));
    expect(inventory.byId('aws', volume().id)).toBeDefined();
    expect(inventory.deletedCount).toBe(0);
  });

  it('merges undated records of the same state (resource line and IAM-policy line)', () => {
    const inventory = new Inventory();
    inventory.add(volume({ facts: { a: explicit(1, 'a') } }));
    inventory.add(volume({ facts: { b: explicit(2, 'b') } }));
    expect(Object.keys(inventory.byId('aws', volume().id)?.facts ?? {})).toEqual(['a', 'b']);
  });
});

describe('Inventory: parts of a state dated apart (a Cloud Asset resource history and its IAM-policy history)', () => {
  const bucket = (overrides: Partial<Resource>): Resource =>
    volume({
      provider: 'gcp',
      id: '//storage.googleapis.com/b',
      nativeType: 'storage.googleapis.com/Bucket',
      ...overrides,
    });
  const uniform = (on: boolean, at: number) =>
    bucket({ observedAt: at, observedPart: 'resource', facts: { uniform: explicit(on, 'resource.data') } });
  const policy = (members: string[], at: number) =>
    bucket({ observedAt: at, observedPart: 'iamPolicy', facts: { members: explicit(members, 'iamPolicy') } });

  it('merges the newest version of each part, in whatever order the records come', () => {
    const records = [uniform(true, 1000), policy(['allUsers'], 4000), uniform(false, 2000), policy([], 500)];
    for (const order of [
      records,
      [...records].reverse(),
      [records[1]!, records[3]!, records[0]!, records[2]!],
    ]) {
      const inventory = new Inventory();
      for (const record of order) inventory.add(record);
      expect(inventory.byId('gcp', '//storage.googleapis.com/b')?.facts).toEqual({
        uniform: explicit(false, 'resource.data'),
        members: explicit(['allUsers'], 'iamPolicy'),
      });
      expect(inventory.size).toBe(1);
    }
  });

  it('merges an undated record (an export line) with the parts', () => {
    const inventory = new Inventory();
    inventory.add(bucket({ facts: { labels: explicit({}, 'labels') } }));
    inventory.add(uniform(true, 1000));
    inventory.add(policy([], 2000));
    expect(Object.keys(inventory.byId('gcp', '//storage.googleapis.com/b')?.facts ?? {})).toEqual([
      'labels',
      'uniform',
      'members',
    ]);
  });

  it('drops the resource when a deletion is newer than every part, and keeps only what was dated after it', () => {
    const deleted = new Inventory();
    for (const r of [
      uniform(true, 1000),
      bucket({ observedAt: 3000, deleted: true, facts: {} }),
      policy([], 2000),
    ])
      deleted.add(r);
    expect(deleted.byId('gcp', '//storage.googleapis.com/b')).toBeUndefined();
    expect(deleted.deletedCount).toBe(1);

    const recreated = new Inventory();
    for (const r of [
      uniform(true, 1000),
      bucket({ observedAt: 3000, deleted: true, facts: {} }),
      policy([], 4000),
    ])
      recreated.add(r);
    expect(recreated.byId('gcp', '//storage.googleapis.com/b')?.facts).toEqual({
      members: explicit([], 'iamPolicy'),
    });
  });
});

describe('Inventory: Google Cloud projects named by id and by number', () => {
  const crm = '//cloudresourcemanager.googleapis.com/projects/';
  function gcp(overrides: Partial<Resource>): Resource {
    return {
      ...volume(),
      provider: 'gcp',
      kansaType: 'storage.bucket',
      nativeType: 'storage.googleapis.com/Bucket',
      ...overrides,
    };
  }

  it('moves resources filed under the project id to the number once a record names both', () => {
    const inventory = new Inventory();
    inventory.add(gcp({ id: '//storage.googleapis.com/b1', account: 'city-prod' }));
    inventory.add(
      gcp({
        id: `${crm}city-prod`,
        account: 'city-prod',
        kansaType: 'account',
        facts: { auditConfigs: explicit([], 'iam_policy.auditConfigs') },
      }),
    );
    inventory.add(
      gcp({ id: '//storage.googleapis.com/b2', account: '123456789012', accountAlias: 'city-prod' }),
    );
    inventory.add(gcp({ id: `${crm}123456789012`, account: '123456789012', kansaType: 'account' }));
    inventory.unifyAccountAliases();
    expect(inventory.accounts()).toEqual([{ provider: 'gcp', account: '123456789012' }]);
    expect(inventory.inAccount('gcp', '123456789012', 'storage.bucket')).toHaveLength(2);
    const project = inventory.byId('gcp', `${crm}123456789012`);
    expect(project?.facts).toHaveProperty('auditConfigs');
    expect(inventory.byId('gcp', `${crm}city-prod`)).toBeUndefined();
  });
});

describe('Inventory: views read between changes', () => {
  const records = [
    volume({ id: 'v1', account: '111', observedAt: 1000 }),
    volume({ id: 'v2', account: '222', observedAt: 1000 }),
    volume({ id: 'v1', account: '111', observedAt: 2000, deleted: true }),
    volume({ id: 'v3', account: '111', kansaType: 'storage.bucket' }),
    volume({ id: 'v4', account: '333', deleted: true }),
    volume({ id: 'v1', account: '111', observedAt: 3000 }),
    volume({ id: 'v5', account: '444' }),
  ];
  function views(inventory: Inventory) {
    return {
      all: inventory.all().map((r) => r.id),
      accounts: inventory.accounts(),
      size: inventory.size,
      deleted: inventory.deletedCount,
      byAccount: ['111', '222', '333', '444'].map((a) => [
        inventory.inAccount('aws', a).map((r) => r.id),
        inventory.inAccount('aws', a, 'storage.bucket').map((r) => r.id),
      ]),
    };
  }

  it('give, read after every add, what a walk of the records added so far gives', () => {
    const readAlong = new Inventory();
    for (const [i, record] of records.entries()) {
      readAlong.add(record);
      const fresh = new Inventory();
      for (const r of records.slice(0, i + 1)) fresh.add(r);
      expect(views(readAlong)).toEqual(views(fresh));
    }
    // v1, deleted and then recreated (a merge, not a new resource), puts account 111 first again.
    expect(readAlong.accounts().map((a) => a.account)).toEqual(['111', '222', '444']);
    expect(readAlong.all().map((r) => r.id)).toEqual(['v1', 'v2', 'v3', 'v5']);
  });

  it('are those of every record however many came before the first read', () => {
    // More records than the inventory holds before merging them into its table.
    const inventory = new Inventory();
    for (let day = 1; day <= 40_000; day++)
      inventory.add(volume({ id: `v${day % 3}`, name: `day ${day}`, observedAt: day }));
    expect(inventory.all().map((r) => r.name)).toEqual(['day 40000', 'day 39998', 'day 39999']);
  });

  it('restrict to the accounts scanned, deletions included', () => {
    const inventory = new Inventory();
    for (const r of records.slice(0, 5)) inventory.add(r);
    expect(inventory.deletedCount).toBe(2);
    inventory.scanOnly((_, account) => account !== '111');
    expect(views(inventory)).toMatchObject({ all: ['v2'], size: 1, deleted: 1 });
    expect(inventory.accounts()).toEqual([{ provider: 'aws', account: '222' }]);
    // Context of the other accounts stays available to checks.
    expect(inventory.inAccount('aws', '111').map((r) => r.id)).toEqual(['v3']);
  });
});

describe('Inventory: Azure ids, compared without case', () => {
  const storage = (id: string, origin: number): Resource => ({
    provider: 'azure',
    account: '8ecaabcf-13c6-4014-81f9-c72e349eb98e',
    region: 'japaneast',
    kansaType: 'storage.account',
    nativeType: 'microsoft.storage/storageaccounts',
    id,
    name: id.slice(id.lastIndexOf('/') + 1),
    tags: {},
    facts: {},
    origin: { file: 'resources.json', index: origin },
  });
  const id =
    '/subscriptions/8ecaabcf-13c6-4014-81f9-c72e349eb98e/resourcegroups/rg-Ä/providers/microsoft.storage/storageaccounts/stcity';

  it('merges the records of one resource whatever the case of their ids (Resource Graph lower-cases some)', () => {
    const inventory = new Inventory();
    inventory.add(storage(id.replace('resourcegroups/rg-Ä', 'resourceGroups/RG-ä'), 0));
    // All lower case: kept as its own key (nothing to lower-case).
    inventory.add(storage(id.replace('resourcegroups/rg-Ä', 'resourcegroups/rg-ä'), 1));
    // An upper-case letter beyond ASCII (Ä) is lower-cased too.
    inventory.add(storage(id.replace('storageaccounts/stcity', 'storageAccounts/STCITY'), 2));
    expect(inventory.size).toBe(1);
    // Found by an id in any case; the resource keeps the id its first record gave.
    expect(inventory.byId('azure', id.toUpperCase())?.id).toBe(
      id.replace('resourcegroups/rg-Ä', 'resourceGroups/RG-ä'),
    );
    expect(inventory.byId('azure', id.replace('rg-Ä', 'rg-ä'))).toBeDefined();
  });

  it('keeps apart AWS ids that differ only in case (ARNs are case-sensitive)', () => {
    const inventory = new Inventory();
    inventory.add(volume({ id: 'arn:aws:s3:::city-Archive', name: 'city-Archive' }));
    inventory.add(volume({ id: 'arn:aws:s3:::city-archive', name: 'city-archive' }));
    expect(inventory.size).toBe(2);
  });
});
