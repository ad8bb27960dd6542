import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import {
  ANCESTORS,
  FOLDER_NAME,
  ORG_NAME,
  PROJECT_NAME,
  policyRecord,
  resourceRecord,
} from '../../../sources/gcp/records.ts';

type LogType = 1 | 2 | 3;
/** An IAM-policy line as `gcloud asset export --content-type=iam-policy` writes it (integer log types). */
const policy = (
  name: string,
  assetType: string,
  logTypes?: LogType[],
  ancestors = ANCESTORS,
  exempted: string[] = [],
) =>
  policyRecord(
    name,
    `cloudresourcemanager.googleapis.com/${assetType}`,
    {
      bindings: [{ role: 'roles/owner', members: ['group:admins@city.example.jp'] }],
      ...(logTypes && {
        audit_configs: [
          {
            service: 'allServices',
            audit_log_configs: logTypes.map((log_type) => ({
              log_type,
              ...(exempted.length && { exempted_members: exempted }),
            })),
          },
        ],
      }),
    },
    ancestors,
  );
const project = (logTypes?: LogType[], exempted: string[] = []) =>
  policy(PROJECT_NAME, 'Project', logTypes, ANCESTORS, exempted);
const folder = (logTypes?: LogType[]) => policy(FOLDER_NAME, 'Folder', logTypes, ANCESTORS.slice(1));
const org = (logTypes?: LogType[]) => policy(ORG_NAME, 'Organization', logTypes, ANCESTORS.slice(2));
const folderWithoutPolicy = resourceRecord(
  FOLDER_NAME,
  'cloudresourcemanager.googleapis.com/Folder',
  { name: 'folders/456789012345' },
  undefined,
  {
    ancestors: ANCESTORS.slice(1),
  },
);

const projectWithoutPolicy = resourceRecord(PROJECT_NAME, 'cloudresourcemanager.googleapis.com/Project', {
  projectNumber: '111111111111',
  projectId: 'osaka-juki-prod',
  lifecycleState: 'ACTIVE',
});

/**
 * Forseti's and older Cloud Asset exports carry no `ancestors`: a node names the one above it
 * in `resource.parent` (and its data's `parent`), and the organization and folders are records
 * of the same export.
 */
const withoutAncestors = (name: string, assetType: string, data: object, parent?: string) => ({
  name,
  asset_type: `cloudresourcemanager.googleapis.com/${assetType}`,
  resource: { data, ...(parent && { parent }) },
});
const forsetiProject = withoutAncestors(
  PROJECT_NAME,
  'Project',
  {
    projectNumber: '111111111111',
    projectId: 'osaka-juki-prod',
    parent: { id: '456789012345', type: 'folder' },
  },
  FOLDER_NAME,
);
const forsetiFolder = withoutAncestors(
  FOLDER_NAME,
  'Folder',
  { name: 'folders/456789012345', parent: 'organizations/123456789012' },
  ORG_NAME,
);
const forsetiOrg = withoutAncestors(ORG_NAME, 'Organization', { name: 'organizations/123456789012' });
const forsetiPolicies = (projectLogs: LogType[], folderLogs?: LogType[], orgLogs?: LogType[]) => [
  policy(PROJECT_NAME, 'Project', projectLogs, []),
  policy(FOLDER_NAME, 'Folder', folderLogs, []),
  policy(ORG_NAME, 'Organization', orgLogs, []),
];

const table = [
  { name: 'all three on the project', records: [project([1, 2, 3])], status: 'PASS', message: 'enabled' },
  {
    name: 'assembled from project, folder and organization',
    records: [project([2]), folder([3]), org([1])],
    status: 'PASS',
    message: 'enabled',
  },
  {
    name: 'DATA_READ nowhere',
    records: [project([2]), folder([1]), org()],
    status: 'FAIL',
    message: 'missing',
  },
  {
    name: 'no audit configs anywhere (the default)',
    records: [project(), folder(), org()],
    status: 'FAIL',
    message: 'missing',
  },
  {
    name: 'enabled with an exempted member',
    records: [project([1, 2, 3], ['serviceAccount:batch@p.iam.gserviceaccount.com'])],
    status: 'FAIL',
    message: 'exempted',
  },
  {
    name: 'project IAM policy not exported',
    records: [projectWithoutPolicy, folder([1, 2, 3])],
    status: 'UNKNOWN',
    message: 'noProjectPolicy',
  },
  {
    name: 'not on the project and the ancestors not exported',
    records: [project([1])],
    status: 'UNKNOWN',
    message: 'ancestorsUnknown',
  },
  {
    name: 'an exempted member, part of the types on the project and the ancestors not exported',
    records: [project([1, 3], ['user:dba@city.example.jp'])],
    status: 'FAIL',
    message: 'exempted',
  },
  {
    name: 'no ancestors in the records: the chain followed through resource.parent to the organization',
    records: [forsetiProject, forsetiFolder, forsetiOrg, ...forsetiPolicies([2], [3], [1])],
    status: 'PASS',
    message: 'enabled',
  },
  {
    name: 'no ancestors in the records, and nothing above the project logs data access',
    records: [forsetiProject, forsetiFolder, forsetiOrg, ...forsetiPolicies([1], [1])],
    status: 'FAIL',
    message: 'missing',
  },
  {
    name: 'no ancestors in the records, and the parent folder not in the export',
    records: [forsetiProject, policy(PROJECT_NAME, 'Project', [1], [])],
    status: 'UNKNOWN',
    message: 'ancestorsUnknown',
  },
  {
    name: 'folder exported without its IAM policy',
    records: [project([1, 2]), folderWithoutPolicy, org([1])],
    status: 'UNKNOWN',
    message: 'ancestorsUnknown',
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, records, status, message }) => ({ name, records, status, messageId: message })),
  {
    name: 'names what is missing and cites each ancestor policy as evidence',
    records: [project([2]), folder([1]), org()],
    status: 'FAIL',
    messageId: 'missing',
    assert: (result) => {
      expect(result.data).toEqual({ missing: ['DATA_READ'] });
      expect(result.evidence.map((e) => [e.resourceId, e.path, e.source])).toEqual([
        [undefined, 'iam_policy.audit_configs', 'explicit'],
        // Where the project sits: the ancestors its record names.
        [undefined, 'ancestors', 'explicit'],
        [FOLDER_NAME, 'iam_policy.audit_configs', 'explicit'],
        [ORG_NAME, 'iam_policy.auditConfigs', 'default'],
      ]);
    },
  },
  {
    name: 'names the ancestors it could not see',
    records: [project([1]), org([2])],
    status: 'UNKNOWN',
    messageId: 'ancestorsUnknown',
    assert: (result) => expect(result.data).toEqual({ missing: ['DATA_READ'], ancestors: [FOLDER_NAME] }),
  },
  {
    name: 'a member exempted in one service’s own config is unlogged for that service',
    records: [
      policyRecord(
        PROJECT_NAME,
        'cloudresourcemanager.googleapis.com/Project',
        {
          audit_configs: [
            {
              service: 'allServices',
              audit_log_configs: [{ log_type: 1 }, { log_type: 2 }, { log_type: 3 }],
            },
            {
              service: 'storage.googleapis.com',
              audit_log_configs: [{ log_type: 3, exempted_members: ['user:etl@city.example.jp'] }],
            },
          ],
        },
        ANCESTORS,
      ),
      folder(),
      org(),
    ],
    status: 'FAIL',
    messageId: 'exempted',
    assert: (result) =>
      expect(result.data).toEqual({
        exempted: ['DATA_READ (storage.googleapis.com): user:etl@city.example.jp'],
      }),
  },
  {
    name: 'a service’s own config does not stand in for allServices',
    records: [
      policyRecord(
        PROJECT_NAME,
        'cloudresourcemanager.googleapis.com/Project',
        {
          audit_configs: [
            { service: 'allServices', audit_log_configs: [{ log_type: 1 }, { log_type: 2 }] },
            { service: 'storage.googleapis.com', audit_log_configs: [{ log_type: 3 }] },
          ],
        },
        ANCESTORS,
      ),
      folder(),
      org(),
    ],
    status: 'FAIL',
    messageId: 'missing',
  },
  {
    name: 'gcloud asset list output (camelCase, enum names)',
    records: [
      jsonFile(
        [
          {
            name: PROJECT_NAME,
            assetType: 'cloudresourcemanager.googleapis.com/Project',
            ancestors: ANCESTORS,
            iamPolicy: {
              auditConfigs: [
                {
                  service: 'allServices',
                  auditLogConfigs: [
                    { logType: 'ADMIN_READ' },
                    { logType: 'DATA_READ' },
                    { logType: 'DATA_WRITE' },
                  ],
                },
              ],
              bindings: [{ role: 'roles/owner', members: ['group:admins@city.example.jp'] }],
              etag: 'BwYh3kPq9xM=',
              version: 1,
            },
          },
        ],
        'asset-list.json',
      ),
    ],
    status: 'PASS',
    messageId: 'enabled',
  },
];

export default byVerdict(cases) satisfies RuleTests;
