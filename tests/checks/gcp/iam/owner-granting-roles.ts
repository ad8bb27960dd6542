import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase, RecordOrFile } from '../../../helpers/rule-tester.ts';
import {
  ANCESTORS,
  FOLDER_NAME,
  ORG,
  ORG_NAME,
  PROJECT_NAME,
  projectPolicyRecord,
  resourceRecord,
} from '../../../sources/gcp/records.ts';

/**
 * gcp.iam.owner-count: roles that may rewrite the project's IAM policy (or that of a folder or
 * the organization above it) count as Owner; those that may not (Editor, Service Account User)
 * do not. Cloud Asset lines as gcloud asset export writes them (the IAM-policy lines, and the
 * resource lines of custom roles: iam.googleapis.com/Role with its includedPermissions), and a
 * bare gcloud projects get-iam-policy document.
 */

type Json = Record<string, unknown>;
const grant = (role: string, ...members: string[]) => ({ role, members });
const owner = grant('roles/owner', 'group:admins@city.example.jp');
const folder = (...bindings: Json[]) =>
  projectPolicyRecord(
    bindings,
    FOLDER_NAME,
    'cloudresourcemanager.googleapis.com/Folder',
    ANCESTORS.slice(1),
  );
const org = (...bindings: Json[]) =>
  projectPolicyRecord(
    bindings,
    ORG_NAME,
    'cloudresourcemanager.googleapis.com/Organization',
    ANCESTORS.slice(2),
  );

/** A custom role's resource line (IAM REST `Role`), project- or organization-level. */
function customRole(name: string, includedPermissions: string[] | undefined, extra: Json = {}) {
  const record = resourceRecord(`//iam.googleapis.com/${name}`, 'iam.googleapis.com/Role', {
    name,
    title: 'Custom',
    stage: 'GA',
    etag: 'BwYh3kPq9xM=',
    ...(includedPermissions && { includedPermissions }),
    ...extra,
  });
  if (!name.startsWith('organizations/')) return record;
  // An organization's role sits under the organization alone.
  return { ...record, resource: { ...record.resource, parent: ORG_NAME }, ancestors: [ORG] };
}
const ORG_ROLE = `${ORG}/roles/policyAdmin`;
const PROJECT_ROLE = 'projects/osaka-juki-prod/roles/iamDelegate';

const over = (name: string, records: RecordOrFile[], owners: string[]): AnyCase => ({
  name,
  records,
  params: { maxPrivilegedPrincipals: 1 },
  status: 'FAIL',
  messageId: 'tooMany',
  data: { count: 2, owners: expect.arrayContaining(owners) },
});
const within = (name: string, records: Json[], count = 1): AnyCase => ({
  name,
  records,
  params: { maxPrivilegedPrincipals: 1 },
  status: 'PASS',
  messageId: 'withinLimit',
  data: { count },
});

/** A grant bounded in time by an IAM Condition (Owner itself takes none: a basic role). */
const until = (binding: Json, time: string) => ({
  ...binding,
  condition: { title: 'break-glass', expression: `request.time < timestamp("${time}")` },
});

export const ownerGrantingCases: AnyCase[] = [
  {
    ...within('an owner, and a Security Admin on the organization whose condition expired before the scan', [
      projectPolicyRecord([owner]),
      folder(),
      org(until(grant('roles/iam.securityAdmin', 'user:breakglass@city.example.jp'), '2026-03-01T00:00:00Z')),
    ]),
    now: '2026-06-01T00:00:00Z',
  },
  {
    ...over(
      'an owner, and a Security Admin on the organization whose condition still holds',
      [
        projectPolicyRecord([owner]),
        folder(),
        org(
          until(grant('roles/iam.securityAdmin', 'user:breakglass@city.example.jp'), '2026-09-01T00:00:00Z'),
        ),
      ],
      ['user:breakglass@city.example.jp'],
    ),
    now: '2026-06-01T00:00:00Z',
  },
  over(
    'an owner and a Project IAM Admin on the project',
    [
      projectPolicyRecord([
        owner,
        grant('roles/resourcemanager.projectIamAdmin', 'user:iam@city.example.jp'),
      ]),
      folder(),
      org(),
    ],
    ['user:iam@city.example.jp'],
  ),
  over(
    'an owner and a Security Admin inherited from the organization',
    [
      projectPolicyRecord([owner]),
      folder(),
      org(grant('roles/iam.securityAdmin', 'group:sec@city.example.jp')),
    ],
    ['group:sec@city.example.jp'],
  ),
  over(
    'an owner and a Folder IAM Admin on the folder above (may grant itself Owner on the folder)',
    [
      projectPolicyRecord([owner]),
      folder(grant('roles/resourcemanager.folderIamAdmin', 'user:f@city.example.jp')),
      org(),
    ],
    ['user:f@city.example.jp'],
  ),
  over(
    'an owner and an Organization Administrator',
    [
      projectPolicyRecord([owner]),
      folder(),
      org(grant('roles/resourcemanager.organizationAdmin', 'user:o@city.example.jp')),
    ],
    ['user:o@city.example.jp'],
  ),
  over(
    'an owner and an organization custom role with resourcemanager.projects.setIamPolicy',
    [
      projectPolicyRecord([
        owner,
        grant(ORG_ROLE, 'serviceAccount:deployer@osaka-juki-prod.iam.gserviceaccount.com'),
      ]),
      folder(),
      org(),
      customRole(ORG_ROLE, ['resourcemanager.projects.get', 'resourcemanager.projects.setIamPolicy']),
    ],
    ['serviceAccount:deployer@osaka-juki-prod.iam.gserviceaccount.com'],
  ),
  {
    // The role names the project by id, which the policy lines do not give beside the number:
    // the project is named.
    target: PROJECT_NAME,
    ...over(
      'an owner and a project custom role with setIamPolicy, as gcloud iam roles describe prints it',
      [
        projectPolicyRecord([owner, grant(PROJECT_ROLE, 'user:ops@city.example.jp')]),
        folder(),
        org(),
        jsonFile(
          {
            etag: 'BwYh3kPq9xM=',
            includedPermissions: [
              'resourcemanager.projects.getIamPolicy',
              'resourcemanager.projects.setIamPolicy',
            ],
            name: PROJECT_ROLE,
            stage: 'GA',
            title: 'IAM Delegate',
          },
          'iam-delegate-role.json',
        ),
      ],
      ['user:ops@city.example.jp'],
    ),
  },
  within('an owner and an Editor, a Service Account User and an IAM Security Reviewer', [
    projectPolicyRecord([
      owner,
      grant('roles/editor', 'user:dev@city.example.jp'),
      grant('roles/iam.serviceAccountUser', 'user:ci@city.example.jp'),
      grant('roles/iam.securityReviewer', 'user:audit@city.example.jp'),
    ]),
    folder(),
    org(),
  ]),
  within('an owner and a project custom role that only reads IAM policies', [
    projectPolicyRecord([owner, grant(PROJECT_ROLE, 'user:ops@city.example.jp')]),
    folder(),
    org(),
    customRole(PROJECT_ROLE, ['resourcemanager.projects.get', 'resourcemanager.projects.getIamPolicy']),
  ]),
  within('an owner and a disabled custom role that included setIamPolicy', [
    projectPolicyRecord([owner, grant(PROJECT_ROLE, 'user:ops@city.example.jp')]),
    folder(),
    org(),
    customRole(PROJECT_ROLE, ['resourcemanager.projects.setIamPolicy'], { stage: 'DISABLED' }),
  ]),
  within(
    // Folder IAM Admin on the organization reaches only projects under a folder.
    'an owner and Folder IAM Admin granted on the organization of a project directly under it',
    [
      projectPolicyRecord([owner], undefined, undefined, [ANCESTORS[0]!, ORG]),
      org(grant('roles/resourcemanager.folderIamAdmin', 'user:f@city.example.jp')),
    ],
  ),
  {
    name: 'an owner and a custom role not in the export, which could take the count over the limit',
    records: [projectPolicyRecord([owner, grant(PROJECT_ROLE, 'user:ops@city.example.jp')]), folder(), org()],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'UNKNOWN',
    messageId: 'roleNotExported',
    data: { count: 1, roles: [PROJECT_ROLE] },
  },
  {
    name: 'a custom role not in the export, the count within the limit either way',
    records: [projectPolicyRecord([owner, grant(PROJECT_ROLE, 'user:ops@city.example.jp')]), folder(), org()],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1 },
  },
  {
    name: 'a custom role whose record has no includedPermissions (a search result without data)',
    records: [
      projectPolicyRecord([owner, grant(PROJECT_ROLE, 'user:ops@city.example.jp')]),
      folder(),
      org(),
      customRole(PROJECT_ROLE, undefined),
    ],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'UNKNOWN',
    messageId: 'roleNotExported',
  },
  {
    name: 'gcloud projects get-iam-policy: an owner and a Project IAM Admin',
    records: [
      jsonFile(
        {
          bindings: [owner, grant('roles/resourcemanager.projectIamAdmin', 'user:iam@city.example.jp')],
          etag: 'BwWWja0YfJA=',
          version: 1,
        },
        'projects-osaka-juki-prod-iam-policy.json',
      ),
    ],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 2 },
  },
];
