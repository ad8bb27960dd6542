import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Organization and folder IAM, and the folder or organization above a project, as the google
 * provider writes them (SOURCES.md): `google_folder` (`parent`; `name` `folders/<n>` and
 * `folder_id` known only after apply for a new folder), `google_folder_iam_*` naming the folder
 * by `folder` (`folders/<n>` or the bare number), `google_organization_iam_*` by `org_id`,
 * `google_project.folder_id` (a number or `folders/<n>`) and `org_id`, the one left out shown as
 * known only after apply (terraform-validator's `example_project.tfplan.json`).
 */

const providers = { google: { project: constant('kansa-seed') } };
const ORG = '615204883712';
const FOLDER = '284593771034';
const RM = '//cloudresourcemanager.googleapis.com';
const OWNER_COUNT = 'gcp.iam.owner-count';
const EXTERNAL = 'gcp.iam.external-principals';

function project(name: string, id: string, parent: Json, expressions: Json = {}): Change {
  return {
    address: `google_project.${name}`,
    after: {
      auto_create_network: true,
      billing_account: null,
      labels: null,
      name: id,
      project_id: id,
      timeouts: null,
      ...parent,
    },
    afterUnknown: {
      id: true,
      number: true,
      ...('folder_id' in parent ? {} : { folder_id: true }),
      ...('org_id' in parent ? {} : { org_id: true }),
    },
    expressions: { project_id: constant(id), ...expressions },
  };
}

function iam(address: string, node: Json, role: string, members: string | string[]): Change {
  const many = Array.isArray(members);
  return {
    address,
    after: { condition: [], role, ...node, ...(many ? { members } : { member: members }) },
    afterUnknown: { etag: true, id: true, condition: [] },
  };
}

function policy(address: string, node: Json, bindings: { role: string; members: string[] }[]): Change {
  return {
    address,
    after: { ...node, policy_data: JSON.stringify({ bindings }) },
    afterUnknown: { etag: true, id: true },
  };
}

/** A folder that exists (its number known), kept by the plan. */
function existingFolder(name: string, parent: string): Change {
  const values = {
    display_name: name,
    parent,
    name: `folders/${FOLDER}`,
    folder_id: FOLDER,
    id: `folders/${FOLDER}`,
    lifecycle_state: 'ACTIVE',
    create_time: '2024-04-02T01:10:51.412Z',
    timeouts: null,
  };
  return { address: `google_folder.${name}`, actions: ['no-op'], before: values, after: values };
}

/** A folder the plan creates: its number (`name`, `folder_id`) known only after apply. */
function newFolder(name: string, parent: Json): Change {
  const known = 'constant_value' in parent ? { parent: parent.constant_value } : {};
  return {
    address: `google_folder.${name}`,
    after: { display_name: name, timeouts: null, ...known },
    afterUnknown: {
      create_time: true,
      folder_id: true,
      id: true,
      lifecycle_state: true,
      name: true,
      ...('constant_value' in parent ? {} : { parent: true }),
    },
    expressions: { display_name: constant(name), parent },
  };
}

describe('organization and folder IAM in a plan', () => {
  it('counts a folder’s owners for the project created under it', async () => {
    const scanned = await scanDocument(
      plan(
        [
          project('app', 'acme-app-prod', { folder_id: `folders/${FOLDER}` }),
          iam(
            'google_project_iam_member.app_owner',
            { project: 'acme-app-prod' },
            'roles/owner',
            'user:carol@acme.example',
          ),
          iam('google_folder_iam_binding.prod_owners', { folder: `folders/${FOLDER}` }, 'roles/owner', [
            'group:prod-admins@acme.example',
            'user:alice@acme.example',
            'user:bob@acme.example',
          ]),
        ],
        { providers },
      ),
    );
    const folder = resourceOf(scanned, `${RM}/folders/${FOLDER}`);
    expect(folder.nativeType).toBe('cloudresourcemanager.googleapis.com/Folder');
    expect(folder.account).toBe(`folders/${FOLDER}`);
    const finding = findingOf(scanned, OWNER_COUNT, `${RM}/projects/acme-app-prod`);
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('google_folder_iam_binding.prod_owners');
    expect(finding.message.en).toContain('4 principals');
  });

  it('fails a project whose organization grants a consumer account, through the folder between them', async () => {
    const scanned = await scanDocument(
      plan(
        [
          existingFolder('prod', `organizations/${ORG}`),
          project('app', 'acme-app-prod', { folder_id: FOLDER, org_id: '' }),
          iam(
            'google_organization_iam_member.contractor',
            { org_id: ORG },
            'roles/iam.securityReviewer',
            'user:contractor@gmail.com',
          ),
        ],
        { providers },
      ),
    );
    const finding = findingOf(scanned, EXTERNAL, `${RM}/projects/acme-app-prod`);
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('google_organization_iam_member.contractor');
    expect(resourceOf(scanned, `${RM}/organizations/${ORG}`).account).toBe(`organizations/${ORG}`);
  });

  it('passes when every policy of the chain is authoritative and the owners are few', async () => {
    const scanned = await scanDocument(
      plan(
        [
          existingFolder('prod', `organizations/${ORG}`),
          project('app', 'acme-app-prod', { folder_id: FOLDER }),
          policy('google_project_iam_policy.app', { project: 'acme-app-prod' }, [
            { role: 'roles/owner', members: ['user:carol@acme.example'] },
          ]),
          policy('google_folder_iam_policy.prod', { folder: `folders/${FOLDER}` }, [
            { role: 'roles/owner', members: ['group:prod-admins@acme.example'] },
          ]),
          policy('google_organization_iam_policy.acme', { org_id: ORG }, [
            { role: 'roles/resourcemanager.organizationAdmin', members: ['user:admin@acme.example'] },
          ]),
        ],
        { providers },
      ),
    );
    const finding = findingOf(scanned, OWNER_COUNT, `${RM}/projects/acme-app-prod`);
    expect(finding.status).toBe('PASS');
    expect(finding.message.en).toContain('3 principals');
  });

  it('is unknown above a folder whose own parent the plan does not show', async () => {
    const scanned = await scanDocument(
      plan(
        [
          project('app', 'acme-app-prod', { folder_id: FOLDER }),
          policy('google_project_iam_policy.app', { project: 'acme-app-prod' }, [
            { role: 'roles/owner', members: ['user:carol@acme.example'] },
          ]),
          policy('google_folder_iam_policy.prod', { folder: FOLDER }, [
            { role: 'roles/owner', members: ['group:prod-admins@acme.example'] },
          ]),
        ],
        { providers },
      ),
    );
    expect(findingOf(scanned, OWNER_COUNT, `${RM}/projects/acme-app-prod`).status).toBe('UNKNOWN');
  });

  it('places a project under the folder the plan creates, and that folder under its parent', async () => {
    const scanned = await scanDocument(
      plan(
        [
          newFolder('sandbox', constant(`organizations/${ORG}`)),
          {
            ...project('sandbox', 'acme-sandbox', {}),
            expressions: { folder_id: ref('google_folder.sandbox.name', 'google_folder.sandbox') },
          },
          {
            ...iam('google_folder_iam_binding.sandbox_owners', {}, 'roles/owner', [
              'user:a@acme.example',
              'user:b@acme.example',
              'user:c@acme.example',
              'user:d@acme.example',
            ]),
            afterUnknown: { etag: true, id: true, folder: true, condition: [] },
            expressions: { folder: ref('google_folder.sandbox.name', 'google_folder.sandbox') },
          },
          policy('google_project_iam_policy.sandbox', { project: 'acme-sandbox' }, [
            { role: 'roles/owner', members: ['user:a@acme.example'] },
          ]),
        ],
        { providers },
      ),
    );
    // The folder's four owners are the project's too, whatever else its policy holds.
    const finding = findingOf(scanned, OWNER_COUNT, `${RM}/projects/acme-sandbox`);
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('google_project.sandbox.folder_id');
    expect(JSON.stringify(finding.evidence)).toContain('google_folder_iam_binding.sandbox_owners');
    expect(resourceOf(scanned, 'google_folder.sandbox').nativeType).toBe(
      'cloudresourcemanager.googleapis.com/Folder',
    );
  });

  it('fails a project under a new folder when the organization above grants a consumer account', async () => {
    const scanned = await scanDocument(
      plan(
        [
          newFolder('teams', constant(`organizations/${ORG}`)),
          newFolder('team', ref('google_folder.teams.id', 'google_folder.teams')),
          {
            ...project('app', 'acme-team-app', {}),
            expressions: { folder_id: ref('google_folder.team.folder_id', 'google_folder.team') },
          },
          iam(
            'google_organization_iam_member.contractor',
            { org_id: ORG },
            'roles/viewer',
            'user:contractor@gmail.com',
          ),
        ],
        { providers },
      ),
    );
    const finding = findingOf(scanned, EXTERNAL, `${RM}/projects/acme-team-app`);
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('google_organization_iam_member.contractor');
  });

  it('stays unknown when folder_id is a variable or a folder’s few owners leave its own policy open', async () => {
    const changes = (folderId: Json): Change[] => [
      newFolder('sandbox', constant(`organizations/${ORG}`)),
      { ...project('sandbox', 'acme-sandbox', {}), expressions: { folder_id: folderId } },
      {
        ...iam('google_folder_iam_member.sandbox_owner', {}, 'roles/owner', 'user:a@acme.example'),
        afterUnknown: { etag: true, id: true, folder: true, condition: [] },
        expressions: { folder: ref('google_folder.sandbox.name', 'google_folder.sandbox') },
      },
      iam(
        'google_organization_iam_member.contractor',
        { org_id: ORG },
        'roles/viewer',
        'user:contractor@gmail.com',
      ),
      policy('google_project_iam_policy.sandbox', { project: 'acme-sandbox' }, [
        { role: 'roles/owner', members: ['user:a@acme.example'] },
      ]),
    ];
    const variable = await scanDocument(plan(changes(ref('var.folder_id')), { providers }));
    expect(findingOf(variable, EXTERNAL, `${RM}/projects/acme-sandbox`).status).toBe('UNKNOWN');
    const placed = await scanDocument(
      plan(changes(ref('google_folder.sandbox.name', 'google_folder.sandbox')), { providers }),
    );
    expect(findingOf(placed, EXTERNAL, `${RM}/projects/acme-sandbox`).status).toBe('FAIL');
    // One owner granted on the folder, and its policy may hold more: as many as the limit allows.
    expect(findingOf(placed, OWNER_COUNT, `${RM}/projects/acme-sandbox`).status).toBe('UNKNOWN');
  });

  it('follows a folder_id through a module output to the folder the module creates', async () => {
    const document = plan(
      [
        { ...project('app', 'acme-app', {}), expressions: { folder_id: ref('module.folders.team_name') } },
        iam(
          'google_organization_iam_member.contractor',
          { org_id: ORG },
          'roles/viewer',
          'user:contractor@gmail.com',
        ),
      ],
      { providers },
    );
    const folder = newFolder('team', constant(`organizations/${ORG}`));
    const address = 'module.folders.google_folder.team';
    const identity = {
      address,
      module_address: 'module.folders',
      mode: 'managed',
      type: 'google_folder',
      name: 'team',
      provider_name: 'registry.terraform.io/hashicorp/google',
    };
    const planned = document.planned_values as { root_module: Json };
    planned.root_module.child_modules = [
      { address: 'module.folders', resources: [{ ...identity, schema_version: 0, values: folder.after }] },
    ];
    (document.resource_changes as Json[]).push({
      ...identity,
      change: { actions: ['create'], before: null, after: folder.after, after_unknown: folder.afterUnknown },
    });
    const configuration = document.configuration as { root_module: Json };
    configuration.root_module.module_calls = {
      folders: {
        source: './folders',
        module: {
          outputs: {
            team_name: { expression: ref('google_folder.team.name', 'google_folder.team') },
          },
          resources: [
            {
              address: 'google_folder.team',
              mode: 'managed',
              type: 'google_folder',
              name: 'team',
              provider_config_key: 'folders:google',
              expressions: folder.expressions,
              schema_version: 0,
            },
          ],
        },
      },
    };
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, EXTERNAL, `${RM}/projects/acme-app`);
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('google_project.app.folder_id');
  });

  it('places a project under the organization when org_id is set and folder_id left to the provider', async () => {
    const scanned = await scanDocument(
      plan(
        [
          { ...project('app', 'acme-app', { org_id: ORG }), expressions: { org_id: constant(ORG) } },
          policy('google_project_iam_policy.app', { project: 'acme-app' }, [
            { role: 'roles/owner', members: ['user:carol@acme.example'] },
          ]),
          iam('google_organization_iam_binding.owners', { org_id: ORG }, 'roles/owner', [
            'user:a@acme.example',
            'user:b@acme.example',
            'user:c@acme.example',
          ]),
        ],
        { providers },
      ),
    );
    const finding = findingOf(scanned, OWNER_COUNT, `${RM}/projects/acme-app`);
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('google_project.app.org_id');
  });

  it('takes the denies of a firewall policy on the project’s organization into its VPC rules', async () => {
    const ssh = { src_ip_ranges: ['0.0.0.0/0'], layer4_configs: [{ ip_protocol: 'tcp', ports: ['22'] }] };
    const changes = (parent: Json): Change[] => [
      project('net', 'acme-net', parent, 'org_id' in parent ? { org_id: constant(ORG) } : {}),
      {
        address: 'google_compute_firewall.ssh',
        after: {
          name: 'ssh',
          project: 'acme-net',
          network: 'projects/acme-net/global/networks/default',
          direction: 'INGRESS',
          priority: 1000,
          source_ranges: ['0.0.0.0/0'],
          allow: [{ protocol: 'tcp', ports: ['22'] }],
          deny: [],
          disabled: false,
        },
        afterUnknown: { id: true, self_link: true },
      },
      {
        address: 'google_compute_firewall_policy.org',
        after: { parent: `organizations/${ORG}`, short_name: 'baseline' },
        afterUnknown: { id: true, name: true },
      },
      {
        address: 'google_compute_firewall_policy_rule.deny_ssh',
        after: { priority: 100, action: 'deny', direction: 'INGRESS', disabled: false, match: [ssh] },
        afterUnknown: { firewall_policy: true },
        expressions: {
          firewall_policy: ref(
            'google_compute_firewall_policy.org.name',
            'google_compute_firewall_policy.org',
          ),
        },
      },
      {
        address: 'google_compute_firewall_policy_association.org',
        after: { attachment_target: `organizations/${ORG}`, name: 'baseline-org' },
        afterUnknown: { firewall_policy: true },
        expressions: {
          firewall_policy: ref('google_compute_firewall_policy.org.id', 'google_compute_firewall_policy.org'),
        },
      },
    ];
    const CHECK = 'gcp.compute.firewall-internet-ingress';
    const placed = await scanDocument(plan(changes({ org_id: ORG }), { providers }));
    expect(findingOf(placed, CHECK, 'google_compute_firewall.ssh')).toMatchObject({
      status: 'PASS',
      messageId: 'policyDenied',
    });
    expect(resourceOf(placed, 'google_compute_firewall_policy.org').account).toBe(`organizations/${ORG}`);
    // Where the project sits is known only after apply: the organization's deny may not be above it.
    const unplaced = await scanDocument(plan(changes({}), { providers }));
    expect(findingOf(unplaced, CHECK, 'google_compute_firewall.ssh').status).toBe('FAIL');
  });

  it('reads the hierarchy of a state file, whose project names the other parent ""', async () => {
    const provider = 'provider["registry.terraform.io/hashicorp/google"]';
    const resource = (type: string, name: string, attributes: Json) => ({
      mode: 'managed',
      type,
      name,
      provider,
      instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
    });
    const state = {
      version: 4,
      terraform_version: '1.9.8',
      serial: 12,
      lineage: '5d1c7e0a-3b2f-4c6d-8e9a-1f2b3c4d5e6f',
      outputs: {},
      resources: [
        resource('google_folder', 'prod', {
          display_name: 'prod',
          folder_id: FOLDER,
          id: `folders/${FOLDER}`,
          name: `folders/${FOLDER}`,
          parent: `organizations/${ORG}`,
        }),
        resource('google_project', 'app', {
          project_id: 'acme-app-prod',
          folder_id: FOLDER,
          org_id: '',
          number: '804512339001',
          id: 'projects/acme-app-prod',
        }),
        resource('google_project_iam_policy', 'app', {
          project: 'acme-app-prod',
          policy_data: JSON.stringify({
            bindings: [{ role: 'roles/viewer', members: ['user:carol@acme.example'] }],
          }),
        }),
        resource('google_folder_iam_policy', 'prod', {
          folder: `folders/${FOLDER}`,
          policy_data: JSON.stringify({
            bindings: [{ role: 'roles/browser', members: ['user:dan@acme.example'] }],
          }),
        }),
        resource('google_organization_iam_member', 'public', {
          org_id: ORG,
          role: 'roles/viewer',
          member: 'allAuthenticatedUsers',
          condition: [],
        }),
      ],
      check_results: null,
    };
    const scanned = await scanDocument(state, 'terraform.tfstate');
    const finding = findingOf(scanned, EXTERNAL, `${RM}/projects/acme-app-prod`);
    expect(finding.status).toBe('FAIL');
    expect(finding.message.en).toContain('allAuthenticatedUsers');
  });

  it('merges the IAM resources that name one folder by number and by name', async () => {
    const scanned = await scanDocument(
      plan(
        [
          iam('google_folder_iam_member.a', { folder: FOLDER }, 'roles/viewer', 'user:a@acme.example'),
          iam(
            'google_folder_iam_member.b',
            { folder: `folders/${FOLDER}` },
            'roles/editor',
            'user:b@acme.example',
          ),
        ],
        { providers },
      ),
    );
    const folders = scanned.resources.filter(
      (r) => r.nativeType === 'cloudresourcemanager.googleapis.com/Folder',
    );
    expect(folders.map((r) => r.id)).toEqual([`${RM}/folders/${FOLDER}`]);
    expect(JSON.stringify(folders[0]?.facts)).toContain('user:b@acme.example');
    expect(JSON.stringify(folders[0]?.facts)).toContain('user:a@acme.example');
  });
});
