import { describe, expect, it } from 'vitest';
import { tempInputs } from '../../helpers/temp-inputs.ts';

// ScoutSuite's Google Cloud results (`scout gcp`): services.<service>.projects.<project id>.<collection>,
// each resource as ScoutSuite/providers/gcp/resources/… reshapes the API's answer.
const PROJECT = 'osaka-scout-prod';

const inputs = tempInputs('kansa-scoutsuite-gcp-');

const read = (services: Record<string, unknown>) =>
  inputs.read(
    `scoutsuite_results_gcp-${Math.random().toString(36).slice(2)}.js`,
    `scoutsuite_results =\n${JSON.stringify({
      account_id: 'auditor@osaka-scout-prod.iam.gserviceaccount.com',
      last_run: { time: '2026-12-01 10:22:31+0900', version: '5.14.0' },
      metadata: {},
      provider_code: 'gcp',
      services,
    })}\n`,
  );

const projects = (collection: string, members: Record<string, unknown>) => ({
  projects: { [PROJECT]: { [collection]: members } },
});

describe('ScoutSuite Google Cloud results', () => {
  it('reads buckets with their IAM bindings and ACL, and the default key ScoutSuite drops as unknown', async () => {
    const bucket = (name: string, fields: Record<string, unknown>) => ({
      [`scoutid-${name}`]: {
        id: `scoutid-${name}`,
        name,
        project_id: PROJECT,
        project_number: 123456789012,
        location: 'ASIA-NORTHEAST1',
        storage_class: 'standard',
        versioning_enabled: false,
        logging_enabled: false,
        public_access_prevention: 'inherited',
        ...fields,
      },
    });
    const { files, resources } = await read({
      cloudstorage: projects('buckets', {
        ...bucket('scout-open', {
          uniform_bucket_level_access: true,
          acls: [],
          member_bindings: {
            allUsers: ['roles/storage.objectViewer'],
            'projectOwner:osaka-scout-prod': ['roles/storage.legacyBucketOwner'],
          },
        }),
        ...bucket('scout-acl', {
          uniform_bucket_level_access: false,
          public_access_prevention: 'enforced',
          acls: [
            { entity: 'project-owners-123456789012', role: 'OWNER' },
            { entity: 'allUsers', role: 'READER' },
          ],
          member_bindings: {},
        }),
      }),
    });
    expect(files.map((f) => [f.format, f.error])).toEqual([['scoutsuite', undefined]]);
    const open = resources.find((r) => r.name === 'scout-open')!;
    expect(open).toMatchObject({ provider: 'gcp', account: '123456789012', region: 'asia-northeast1' });
    expect(open.facts.uniformBucketLevelAccess).toMatchObject({ source: 'explicit', value: true });
    expect(JSON.stringify(open.facts)).toContain('allUsers');
    expect(open.facts.customerManagedKey?.source).toBe('unknown');
    const acl = resources.find((r) => r.name === 'scout-acl')!;
    expect(acl.facts.publicAccessPrevention).toMatchObject({ source: 'explicit', value: 'enforced' });
    expect(acl.facts.publicAcl?.value).toEqual([{ role: 'READER', member: 'allUsers' }]);
  });

  it("reads firewall rules' protocols back into `allowed`; a rule without ranges or tags has an unknown source", async () => {
    const rule = (name: string, fields: Record<string, unknown>) => ({
      [name]: {
        id: name,
        name,
        project_id: PROJECT,
        network: 'default',
        priority: 1000,
        direction: 'INGRESS',
        disabled: false,
        source_ranges: [],
        source_tags: [],
        target_tags: [],
        action: 'allowed',
        ...fields,
      },
    });
    const { resources } = await read({
      computeengine: projects('firewalls', {
        ...rule('1001', {
          source_ranges: ['0.0.0.0/0'],
          allowed_traffic: { tcp: ['22', '8000-8080'], icmp: ['Portless Protocol'] },
        }),
        ...rule('1002', {
          source_tags: ['bastion'],
          allowed_traffic: { tcp: ['0-65535'], udp: ['0-65535'] },
        }),
        ...rule('1003', { allowed_traffic: { tcp: ['3389'] } }),
      }),
    });
    const byId = (id: string) =>
      resources.find((r) => r.id === `//compute.googleapis.com/projects/${PROJECT}/global/firewalls/${id}`)!;
    expect(byId('1001').facts.allowed?.value).toEqual([
      { protocol: 'tcp', ports: ['22', '8000-8080'] },
      { protocol: 'icmp', ports: [] },
    ]);
    expect(byId('1001').facts.sourceRanges).toMatchObject({ source: 'explicit', value: ['0.0.0.0/0'] });
    expect(byId('1002').facts.sourceRanges).toMatchObject({ source: 'explicit', value: [] });
    expect(byId('1003').facts.sourceRanges?.source).toBe('unknown');
  });

  it('reads a deny rule as denied, and the empty protocol lists older versions write for every rule as no protocol', async () => {
    // gce/firewalls.py before `Portless Protocol`: both maps on every rule, tcp, udp and icmp
    // each [] unless the rule names them.
    const empty = { tcp: [], udp: [], icmp: [] };
    const rule = (name: string, fields: Record<string, unknown>) => ({
      [name]: {
        id: name,
        name,
        project_id: PROJECT,
        network: 'default',
        network_url: `https://www.googleapis.com/compute/v1/projects/${PROJECT}/global/networks/default`,
        direction: 'INGRESS',
        disabled: false,
        source_ranges: ['0.0.0.0/0'],
        source_tags: [],
        target_tags: [],
        allowed_traffic: empty,
        denied_traffic: empty,
        ...fields,
      },
    });
    const { resources } = await read({
      computeengine: projects('firewalls', {
        ...rule('2001', { priority: 1000, action: 'denied', denied_traffic: { ...empty, tcp: ['22'] } }),
        ...rule('2002', { priority: 65534, action: 'allowed', allowed_traffic: { ...empty, tcp: ['22'] } }),
        ...rule('2003', {
          priority: 1000,
          action: 'allowed',
          allowed_traffic: { ...empty, all: ['*'] },
          target_tags: ['web'],
        }),
      }),
    });
    const byId = (id: string) =>
      resources.find((r) => r.id === `//compute.googleapis.com/projects/${PROJECT}/global/firewalls/${id}`)!;
    expect(byId('2001').facts.denied?.value).toEqual([{ protocol: 'tcp', ports: ['22'] }]);
    expect(byId('2001').facts.allowed).toMatchObject({ source: 'explicit', value: [] });
    expect(byId('2002').facts.denied).toMatchObject({ source: 'explicit', value: [] });
    expect(byId('2002').facts.allowed?.value).toEqual([{ protocol: 'tcp', ports: ['22'] }]);
    expect(byId('2003').facts.allowed?.value).toEqual([{ protocol: 'all', ports: [] }]);
    expect(byId('2003').facts.targetTags?.value).toEqual(['web']);
    expect(byId('2002').facts.network?.value).toBe(`projects/${PROJECT}/global/networks/default`);
  });

  it('reads Cloud KMS keys with their rotation period, none where ScoutSuite says none', async () => {
    const ring = `projects/${PROJECT}/locations/asia-northeast1/keyRings/scout-ring`;
    const { resources } = await read({
      kms: projects('keyrings', {
        [ring]: {
          id: ring,
          name: 'scout-ring',
          location: 'asia-northeast1',
          keys: {
            rotated: {
              id: 'rotated',
              purpose: 'ENCRYPT_DECRYPT',
              rotation_period: 90,
              protection_level: 'HSM',
              state: 'ENABLED',
            },
            never: {
              id: 'never',
              purpose: 'ENCRYPT_DECRYPT',
              rotation_period: null,
              protection_level: 'SOFTWARE',
              state: 'ENABLED',
            },
          },
        },
      }),
    });
    const key = (id: string) => resources.find((r) => r.name === id)!;
    expect(key('rotated')).toMatchObject({ region: 'asia-northeast1' });
    expect(key('rotated').facts.rotationPeriodSeconds).toMatchObject({
      source: 'explicit',
      value: 90 * 86_400,
    });
    expect(key('never').facts.rotationPeriodSeconds).toMatchObject({ value: null });
    expect(key('rotated').facts.hsmBackedKey?.value).toBe(true);
  });

  it("reads service accounts' keys with their type and validity; whether a key is disabled, which ScoutSuite drops, unknown", async () => {
    const email = `runner@${PROJECT}.iam.gserviceaccount.com`;
    const { resources } = await read({
      iam: projects('service_accounts', {
        '104729104729104729104': {
          id: '104729104729104729104',
          email,
          name: email,
          project_id: PROJECT,
          default_service_account: false,
          bindings: [],
          keys: {
            userkey1: {
              id: 'userkey1',
              key_type: 'USER_MANAGED',
              key_algorithm: 'KEY_ALG_RSA_2048',
              valid_after: '2024-02-01T09:00:00Z',
              valid_before: '9999-12-31T23:59:59Z',
            },
            // Before ScoutSuite listed system-managed keys too: user-managed keys only, no key_type.
            oldkey2: {
              id: 'oldkey2',
              key_algorithm: 'KEY_ALG_RSA_2048',
              valid_after: '2024-03-01T09:00:00Z',
            },
          },
        },
      }),
    });
    const key = (id: string) =>
      resources.find(
        (r) => r.id === `//iam.googleapis.com/projects/${PROJECT}/serviceAccounts/${email}/keys/${id}`,
      )!;
    expect(key('userkey1').facts).toMatchObject({
      keyType: { source: 'explicit', value: 'USER_MANAGED' },
      validAfterTime: { source: 'explicit', value: '2024-02-01T09:00:00Z' },
      validBeforeTime: { value: '9999-12-31T23:59:59Z' },
      disabled: { source: 'unknown' },
    });
    expect(key('oldkey2').facts.keyType?.source).toBe('unknown');
  });

  it('reads GKE clusters: legacy ABAC and whether logs go anywhere; not the endpoint ScoutSuite misreads', async () => {
    const cluster = (name: string, location: string, fields: Record<string, unknown>) => ({
      id: `scoutid-${name}`,
      name,
      location,
      status: 'RUNNING',
      private_endpoint_enabled: false,
      public_endpoint: null,
      master_authorized_networks_config: { enabled: false, cidrBlocks: [], includes_public_cidr: false },
      node_pools: {},
      ...fields,
    });
    const { resources } = await read({
      kubernetesengine: {
        projects: {
          [PROJECT]: {
            clusters: {
              a: cluster('gke-legacy', 'asia-northeast1-a', {
                legacy_abac_enabled: true,
                logging_enabled: false,
              }),
              b: cluster('gke-modern', 'asia-northeast1', {
                legacy_abac_enabled: false,
                logging_enabled: true,
              }),
            },
            // Older versions list clusters by zone.
            zones: {
              'asia-northeast2-a': { clusters: { c: cluster('gke-zonal', 'asia-northeast2-a', {}) } },
            },
          },
        },
      },
    });
    const gke = (name: string) => resources.find((r) => r.name === name)!;
    expect([gke('gke-legacy').id, gke('gke-legacy').region]).toEqual([
      `//container.googleapis.com/projects/${PROJECT}/locations/asia-northeast1-a/clusters/gke-legacy`,
      'asia-northeast1',
    ]);
    expect(gke('gke-legacy').facts.legacyAbac).toMatchObject({ source: 'explicit', value: true });
    expect(gke('gke-legacy').facts.loggingService).toMatchObject({ source: 'explicit', value: 'none' });
    expect(gke('gke-modern').facts.loggingService).toMatchObject({
      source: 'explicit',
      value: 'Cloud Logging',
    });
    expect(gke('gke-modern').facts.publicEndpoint?.source).toBe('unknown');
    expect(gke('gke-zonal').facts.legacyAbac?.source).toBe('unknown');
    expect(gke('gke-zonal').facts.loggingService?.source).toBe('unknown');
  });

  it("reads BigQuery datasets' access entries back from ScoutSuite's bindings by role, none kept as unknown", async () => {
    const { resources } = await read({
      bigquery: projects('datasets', {
        'scoutid-1': {
          id: 'scoutid-1',
          name: 'open_data',
          location: 'asia-northeast1',
          default_encryption_configuration: null,
          bindings: {
            OWNER: [{ type: 'specialGroup', member: 'projectOwners' }],
            READER: [{ type: 'iamMember', member: 'allUsers' }],
            // An authorized view has no role: Python's None key, written "null".
            null: [{ type: 'view', member: { projectId: PROJECT, datasetId: 'rep', tableId: 'daily' } }],
          },
        },
        'scoutid-2': {
          id: 'scoutid-2',
          name: 'unread',
          location: 'US',
          default_encryption_configuration: `projects/${PROJECT}/locations/us/keyRings/r/cryptoKeys/k`,
          bindings: {},
        },
      }),
    });
    const dataset = (name: string) =>
      resources.find((r) => r.id === `//bigquery.googleapis.com/projects/${PROJECT}/datasets/${name}`)!;
    expect(dataset('open_data').region).toBe('asia-northeast1');
    expect(dataset('open_data').facts.publicAccessEntries).toMatchObject({
      source: 'explicit',
      value: [{ role: 'READER', member: 'allUsers' }],
    });
    expect(dataset('open_data').facts.customerManagedKey).toMatchObject({ value: false });
    expect(dataset('unread').facts.publicAccessEntries?.source).toBe('unknown');
    expect(dataset('unread').facts.customerManagedKey).toMatchObject({ source: 'explicit', value: true });
  });

  it('reads Cloud SQL instances: public IP, authorized networks and backups; the region and an ssl_required false unknown', async () => {
    const { resources } = await read({
      cloudsql: projects('instances', {
        'scoutid-db': {
          id: 'scoutid-db',
          name: 'scout-db',
          project_id: PROJECT,
          database_version: 'POSTGRES_15',
          automatic_backup_enabled: false,
          ssl_required: false,
          authorized_networks: [{ kind: 'sql#aclEntry', name: 'anywhere', value: '0.0.0.0/0' }],
          public_ip: '34.85.1.2',
          private_ip: null,
          backups: {},
        },
      }),
    });
    const db = resources.find((r) => r.name === 'scout-db')!;
    expect(db).toMatchObject({
      nativeType: 'sqladmin.googleapis.com/Instance',
      account: PROJECT,
      region: '',
    });
    expect([
      db.facts.publicIp?.value,
      db.facts.authorizedNetworks?.value,
      db.facts.backupEnabled?.value,
    ]).toEqual([true, ['0.0.0.0/0'], false]);
    expect([db.facts.sslMode?.source, db.facts.customerManagedKey?.source]).toEqual(['unknown', 'unknown']);
  });

  it('reads is_failover_replica as a replica whose primary ScoutSuite does not name', async () => {
    const instance = (name: string, replica: boolean) => ({
      id: `scoutid-${name}`,
      name,
      project_id: PROJECT,
      automatic_backup_enabled: !replica,
      is_failover_replica: replica,
      has_failover_replica: !replica,
      authorized_networks: [],
      public_ip: null,
    });
    const { resources } = await read({
      cloudsql: projects('instances', {
        a: instance('scout-primary', false),
        b: instance('scout-replica', true),
      }),
    });
    expect(resources.map((r) => [r.name, r.facts.readReplica, r.facts.replicaOf])).toEqual([
      ['scout-primary', { source: 'explicit', value: false, path: 'is_failover_replica' }, undefined],
      ['scout-replica', { source: 'explicit', value: true, path: 'is_failover_replica' }, undefined],
    ]);
  });

  it("reads 1st gen Cloud Functions: the region from the HTTPS URL, the policy's bindings, none kept as unknown", async () => {
    const fn = (name: string, fields: Record<string, unknown>) => ({
      [`scoutid-${name}`]: {
        id: `scoutid-${name}`,
        name,
        status: 'ACTIVE',
        url: `https://asia-northeast1-${PROJECT}.cloudfunctions.net/${name}`,
        ingress_settings: 'ALLOW_ALL',
        bindings: [],
        labels: {},
        ...fields,
      },
    });
    const { resources, files } = await read({
      functions: {
        projects: {
          [PROJECT]: {
            functions_v1: {
              ...fn('open', { bindings: [{ role: 'roles/cloudfunctions.invoker', members: ['allUsers'] }] }),
              ...fn('unread', { ingress_settings: null }),
              // An event-driven function: no URL, so no region to name it by.
              ...fn('on-upload', { url: null, security_level: 'SECURE_ALWAYS' }),
            },
            // A 2nd gen function is invoked through its Cloud Run service, which ScoutSuite does not list.
            functions_v2: fn('gen2', { url: 'https://gen2-7kq3xv2mha-an.a.run.app' }),
          },
        },
      },
    });
    const fnOf = (name: string) =>
      resources.find((r) => r.name.endsWith(`/functions/${name}`) || r.name === name);
    const open = fnOf('open')!;
    expect([open.id, open.region, open.kansaType]).toEqual([
      `//cloudfunctions.googleapis.com/projects/${PROJECT}/locations/asia-northeast1/functions/open`,
      'asia-northeast1',
      'compute.serverless',
    ]);
    expect(open.facts.publicBindings).toMatchObject({
      source: 'explicit',
      value: [{ role: 'roles/cloudfunctions.invoker', member: 'allUsers' }],
    });
    expect(open.facts.ingress).toMatchObject({ source: 'explicit', value: 'all' });
    // `bindings: []` is no binding and a failed getIamPolicy alike; an ingress not kept is not the API's default.
    expect([fnOf('unread')?.facts.publicBindings, fnOf('unread')?.facts.ingress?.source]).toEqual([
      undefined,
      'unknown',
    ]);
    expect(fnOf('on-upload')).toBeUndefined();
    expect(JSON.stringify(files[0]?.skipped)).toContain(
      'functions functions_v1 entry without its name or location',
    );
    expect(files[0]?.notes?.map((n) => n.note).join('\n') ?? '').toContain('functions_v2');
  });

  it("reads the project's IAM bindings as grants it holds at least; its whole policy, which ScoutSuite cuts, unknown", async () => {
    const members = (groups: Record<string, string[]>) => ({
      users: [],
      groups: [],
      service_accounts: [],
      domains: [],
      ...groups,
    });
    const { resources } = await read({
      iam: projects('bindings', {
        'scoutid-owner': {
          id: 'scoutid-owner',
          name: 'owner',
          custom_role: false,
          members: members({ users: ['a@example.co.jp'], groups: ['admins@example.co.jp'] }),
          title: 'Owner',
        },
        'scoutid-deployer': {
          id: 'scoutid-deployer',
          name: 'deployer',
          custom_role: true,
          members: members({ service_accounts: [`deploy@${PROJECT}.iam.gserviceaccount.com`] }),
        },
        // Only members of a type ScoutSuite drops (principalSet://): no grant kept.
        'scoutid-viewer': { id: 'scoutid-viewer', name: 'viewer', custom_role: false, members: members({}) },
      }),
    });
    const project = resources.find(
      (r) => r.id === `//cloudresourcemanager.googleapis.com/projects/${PROJECT}`,
    )!;
    expect([project.kansaType, project.account]).toEqual(['account', PROJECT]);
    expect(project.facts.grantedBindings).toMatchObject({
      source: 'explicit',
      path: 'bindings',
      value: [
        { role: 'roles/owner', members: ['user:a@example.co.jp', 'group:admins@example.co.jp'] },
        {
          role: `projects/${PROJECT}/roles/deployer`,
          members: [`serviceAccount:deploy@${PROJECT}.iam.gserviceaccount.com`],
        },
      ],
    });
    expect(project.facts.bindings?.source).toBe('unknown');
  });
});
