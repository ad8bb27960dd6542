import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import {
  EXTERNAL,
  existingFolder,
  FOLDER,
  iam,
  ORG,
  OWNER_COUNT,
  policy,
  project,
  providers,
  RM,
} from './gcp-hierarchy-changes.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/** The hierarchy of a plan read as an export's (gcp-hierarchy-changes.ts: the dialect). */
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
