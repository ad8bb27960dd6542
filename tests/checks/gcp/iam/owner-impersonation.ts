import type { AnyCase, RecordOrFile } from '../../../helpers/rule-tester.ts';
import {
  ANCESTORS,
  FOLDER,
  FOLDER_NAME,
  ORG_NAME,
  PROJECT,
  PROJECT_NAME,
  policyRecord,
  projectPolicyRecord,
  resourceRecord,
} from '../../../sources/gcp/records.ts';

/**
 * gcp.iam.owner-count: a principal that may act as a service account counting as an owner
 * (its tokens, signed JWTs, keys, or its IAM policy) counts too; Service Account User (actAs)
 * alone does not. So does one that may rewrite a custom role it holds (iam.roles.update where
 * the role is: the project's roles from anywhere on its chain, the organization's from it). The project's resource line gives its id, which the service accounts' emails
 * name (`<name>@<project id>.iam.gserviceaccount.com`). Cloud Asset lines as gcloud asset export
 * writes them.
 */

type Json = Record<string, unknown>;
const PROJECT_ID = 'osaka-juki-prod';
const grant = (role: string, ...members: string[]) => ({ role, members });
const owner = grant('roles/owner', 'group:admins@city.example.jp');
const DEPLOYER = `serviceAccount:deployer@${PROJECT_ID}.iam.gserviceaccount.com`;
const OTHER_PROJECT_SA = 'serviceAccount:ci@shared-tools-prod.iam.gserviceaccount.com';
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

/** The project's resource line (Resource Manager v1 `Project`): its number and id. */
const projectResource = resourceRecord(PROJECT_NAME, 'cloudresourcemanager.googleapis.com/Project', {
  projectNumber: PROJECT,
  projectId: PROJECT_ID,
  lifecycleState: 'ACTIVE',
  name: 'Osaka Juki Production',
  parent: { type: 'folder', id: FOLDER.split('/')[1] },
  createTime: '2024-04-01T00:00:00.000Z',
});

/** A custom role's resource line with its includedPermissions. */
const customRole = (name: string, includedPermissions: string[]) =>
  resourceRecord(`//iam.googleapis.com/${name}`, 'iam.googleapis.com/Role', {
    name,
    title: 'Custom',
    stage: 'GA',
    etag: 'BwYh3kPq9xM=',
    includedPermissions,
  });

const counted = (name: string, records: RecordOrFile[], owners: string[]): AnyCase => ({
  name,
  records,
  params: { maxPrivilegedPrincipals: 2 },
  status: 'FAIL',
  messageId: 'tooMany',
  data: { count: 3, owners },
});
const notCounted = (name: string, records: RecordOrFile[], owners: string[]): AnyCase => ({
  name,
  records,
  params: { maxPrivilegedPrincipals: 2 },
  status: 'PASS',
  messageId: 'withinLimit',
  data: { count: 2, owners },
});

export const impersonationCases: AnyCase[] = [
  counted(
    "a Service Account Token Creator on the project, the project's service account an owner",
    [
      projectResource,
      projectPolicyRecord([
        grant('roles/owner', 'group:admins@city.example.jp', DEPLOYER),
        grant('roles/iam.serviceAccountTokenCreator', 'user:dev@city.example.jp'),
      ]),
      folder(),
      org(),
    ],
    ['group:admins@city.example.jp', DEPLOYER, 'user:dev@city.example.jp'],
  ),
  counted(
    "a project custom role with iam.serviceAccountKeys.create, the project's service account a Project IAM Admin",
    [
      projectResource,
      customRole('projects/osaka-juki-prod/roles/keyMinter', [
        'iam.serviceAccountKeys.create',
        'iam.serviceAccounts.get',
      ]),
      projectPolicyRecord([
        owner,
        grant('roles/resourcemanager.projectIamAdmin', DEPLOYER),
        grant('projects/osaka-juki-prod/roles/keyMinter', 'group:ops@city.example.jp'),
      ]),
      folder(),
      org(),
    ],
    ['group:admins@city.example.jp', DEPLOYER, 'group:ops@city.example.jp'],
  ),
  notCounted(
    'a Service Account User (actAs) on the project, its service account an owner',
    [
      projectResource,
      projectPolicyRecord([
        grant('roles/owner', 'group:admins@city.example.jp', DEPLOYER),
        grant('roles/iam.serviceAccountUser', 'user:dev@city.example.jp'),
      ]),
      folder(),
      org(),
    ],
    ['group:admins@city.example.jp', DEPLOYER],
  ),
  notCounted(
    "a Token Creator on the project, the owner service account another project's",
    [
      projectResource,
      projectPolicyRecord([
        grant('roles/owner', 'group:admins@city.example.jp', OTHER_PROJECT_SA),
        grant('roles/iam.serviceAccountTokenCreator', 'user:dev@city.example.jp'),
      ]),
      folder(),
      org(),
    ],
    ['group:admins@city.example.jp', OTHER_PROJECT_SA],
  ),
  {
    // Granted on the organization, the Token Creator reaches every project's service accounts
    // under it: whether the other project is one of them the export does not tell.
    name: "a Token Creator on the organization, the owner service account another project's",
    records: [
      projectResource,
      projectPolicyRecord([grant('roles/owner', 'group:admins@city.example.jp', OTHER_PROJECT_SA)]),
      folder(),
      org(grant('roles/iam.serviceAccountTokenCreator', 'user:dev@city.example.jp')),
    ],
    params: { maxPrivilegedPrincipals: 2 },
    status: 'UNKNOWN',
    messageId: 'serviceAccountProjectUnknown',
    data: { count: 2, undecided: ['user:dev@city.example.jp'] },
  },
  counted(
    // It may add resourcemanager.projects.setIamPolicy to the custom role it holds.
    'a Role Administrator on the project who holds a project custom role (read-only today)',
    [
      projectResource,
      customRole('projects/osaka-juki-prod/roles/auditor', ['resourcemanager.projects.getIamPolicy']),
      projectPolicyRecord([
        grant('roles/owner', 'group:admins@city.example.jp', 'user:lead@city.example.jp'),
        grant('roles/iam.roleAdmin', 'user:rbac@city.example.jp'),
        grant(
          'projects/osaka-juki-prod/roles/auditor',
          'user:rbac@city.example.jp',
          'user:audit@city.example.jp',
        ),
      ]),
      folder(),
      org(),
    ],
    ['group:admins@city.example.jp', 'user:lead@city.example.jp', 'user:rbac@city.example.jp'],
  ),
  notCounted(
    'a Role Administrator on the project who holds no custom role, and one holding only an organization role',
    [
      projectResource,
      {
        ...customRole('organizations/123456789012/roles/orgAuditor', [
          'resourcemanager.projects.getIamPolicy',
        ]),
        ancestors: ['organizations/123456789012'],
      },
      projectPolicyRecord([
        grant('roles/owner', 'group:admins@city.example.jp', 'user:lead@city.example.jp'),
        grant('roles/iam.roleAdmin', 'user:rbac@city.example.jp', 'user:org-audit@city.example.jp'),
        grant('organizations/123456789012/roles/orgAuditor', 'user:org-audit@city.example.jp'),
      ]),
      folder(),
      org(),
    ],
    ['group:admins@city.example.jp', 'user:lead@city.example.jp'],
  ),
  counted(
    'an Organization Role Administrator on the organization who holds an organization custom role',
    [
      projectResource,
      {
        ...customRole('organizations/123456789012/roles/orgAuditor', [
          'resourcemanager.projects.getIamPolicy',
        ]),
        ancestors: ['organizations/123456789012'],
      },
      projectPolicyRecord([
        grant('roles/owner', 'group:admins@city.example.jp', 'user:lead@city.example.jp'),
        grant('organizations/123456789012/roles/orgAuditor', 'user:org-audit@city.example.jp'),
      ]),
      folder(),
      org(grant('roles/iam.organizationRoleAdmin', 'user:org-audit@city.example.jp')),
    ],
    ['group:admins@city.example.jp', 'user:lead@city.example.jp', 'user:org-audit@city.example.jp'],
  ),
  counted(
    // Cloud Asset names a service account by its unique id: its resource line gives the email.
    "a Token Creator on the owner service account's own IAM policy",
    [
      projectResource,
      ...deployerAccount('roles/iam.serviceAccountTokenCreator'),
      projectPolicyRecord([grant('roles/owner', 'group:admins@city.example.jp', DEPLOYER)]),
      folder(),
      org(),
    ],
    ['group:admins@city.example.jp', DEPLOYER, 'user:oncall@city.example.jp'],
  ),
  notCounted(
    "a Service Account User on the owner service account's own IAM policy",
    [
      projectResource,
      ...deployerAccount('roles/iam.serviceAccountUser'),
      projectPolicyRecord([grant('roles/owner', 'group:admins@city.example.jp', DEPLOYER)]),
      folder(),
      org(),
    ],
    ['group:admins@city.example.jp', DEPLOYER],
  ),
];

/** The deployer service account's resource line and IAM-policy line, granting `role` to the on-call user. */
function deployerAccount(role: string): Json[] {
  const name = `//iam.googleapis.com/projects/${PROJECT_ID}/serviceAccounts/104729384756102938475`;
  return [
    resourceRecord(name, 'iam.googleapis.com/ServiceAccount', {
      name: `projects/${PROJECT_ID}/serviceAccounts/${DEPLOYER.slice('serviceAccount:'.length)}`,
      projectId: PROJECT_ID,
      uniqueId: '104729384756102938475',
      email: DEPLOYER.slice('serviceAccount:'.length),
      displayName: 'Deployer',
      oauth2ClientId: '104729384756102938475',
    }),
    policyRecord(name, 'iam.googleapis.com/ServiceAccount', {
      bindings: [grant(role, 'user:oncall@city.example.jp')],
    }),
  ];
}
