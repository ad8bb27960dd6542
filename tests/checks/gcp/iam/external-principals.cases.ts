import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { constant, plan, projectIamMember } from '../../../iac/dialect-plan.ts';
import {
  ANCESTORS,
  FOLDER_NAME,
  ORG_NAME,
  organizationRecord,
  PROJECT_NAME,
  projectPolicyRecord,
  resourceRecord,
} from '../../../sources/gcp/records.ts';

const DOMAIN = 'city.example.jp';
const grant = (role: string, ...members: string[]) => ({ role, members });
const folder = (...bindings: Record<string, unknown>[]) =>
  projectPolicyRecord(
    bindings,
    FOLDER_NAME,
    'cloudresourcemanager.googleapis.com/Folder',
    ANCESTORS.slice(1),
  );
const org = (...bindings: Record<string, unknown>[]) =>
  projectPolicyRecord(
    bindings,
    ORG_NAME,
    'cloudresourcemanager.googleapis.com/Organization',
    ANCESTORS.slice(2),
  );
const internal = grant('roles/owner', `group:admins@${DOMAIN}`, `user:ops@sub.${DOMAIN}`);
const serviceAgent = grant(
  'roles/container.serviceAgent',
  'serviceAccount:service-111111111111@container-engine-robot.iam.gserviceaccount.com',
);

const table = [
  {
    name: 'only the organization’s domain (from its displayName) and service agents',
    records: [projectPolicyRecord([internal, serviceAgent]), folder(), org(), organizationRecord(DOMAIN)],
    status: 'PASS',
    message: 'internalOnly',
  },
  {
    name: 'an outside contractor domain',
    records: [
      projectPolicyRecord([internal, grant('roles/editor', 'user:taro@vendor.example.com')]),
      folder(),
      org(),
      organizationRecord(DOMAIN),
    ],
    status: 'FAIL',
    message: 'external',
  },
  {
    name: 'allAuthenticatedUsers inherited from the folder',
    records: [projectPolicyRecord([internal]), folder(grant('roles/viewer', 'allAuthenticatedUsers')), org()],
    status: 'FAIL',
    message: 'external',
  },
  {
    name: 'a personal Gmail account, with no domain known',
    records: [projectPolicyRecord([grant('roles/viewer', 'user:someone@gmail.com')])],
    status: 'FAIL',
    message: 'external',
  },
  {
    // The project's own bindings cannot be read; what it inherits is public all the same.
    name: 'allAuthenticatedUsers inherited from the folder, the project policy unreadable',
    records: [
      projectPolicyRecord([{ role: 'roles/viewer', members: [{ user: 'a' }] }]),
      folder(grant('roles/viewer', 'allAuthenticatedUsers')),
      org(),
    ],
    status: 'FAIL',
    message: 'external',
  },
  {
    name: 'users but no known domain',
    records: [projectPolicyRecord([internal]), folder(), org()],
    status: 'UNKNOWN',
    message: 'noMemberDomains',
  },
  {
    name: 'internal, but the organization policy is not exported',
    records: [projectPolicyRecord([internal]), folder(), organizationRecord(DOMAIN)],
    status: 'UNKNOWN',
    message: 'ancestorsUnknown',
  },
] as const;

/**
 * Terraform plans whose `google_project_iam_member`s add grants (other grants of the project may
 * exist): an external principal among them fails; otherwise the project's whole policy is unknown.
 */
function planCases(): AnyCase[] {
  const planFile = (members: [string, string][]) =>
    jsonFile(
      plan(
        members.map(([role, member], i) => projectIamMember(`grant${i}`, role, member, 'osaka-juki-prod')),
        { providers: { google: { project: constant('osaka-juki-prod') } } },
      ),
      'plan.json',
    );
  return [
    {
      name: 'a Terraform plan granting a consumer account',
      records: [
        planFile([
          ['roles/viewer', `group:staff@${DOMAIN}`],
          ['roles/editor', 'user:taro@gmail.com'],
        ]),
      ],
      params: { memberDomains: [DOMAIN] },
      status: 'FAIL',
      messageId: 'external',
      data: { grants: ['user:taro@gmail.com (roles/editor)'] },
    },
    {
      name: 'a Terraform plan granting internal principals only (others may be granted outside the plan)',
      records: [planFile([['roles/viewer', `group:staff@${DOMAIN}`]])],
      params: { memberDomains: [DOMAIN] },
      status: 'UNKNOWN',
      messageId: 'noProjectPolicy.plan',
    },
    {
      name: 'a Terraform plan granting a consumer account under a condition that has expired',
      records: [
        jsonFile(
          plan([expiredGrant()], { providers: { google: { project: constant('osaka-juki-prod') } } }),
          'plan.json',
        ),
      ],
      params: { memberDomains: [DOMAIN] },
      status: 'UNKNOWN',
      messageId: 'noProjectPolicy.plan',
    },
  ];
}

/** A `google_project_iam_member` whose `condition` block ended in 2021. */
function expiredGrant() {
  const member = projectIamMember('contractor', 'roles/editor', 'user:taro@gmail.com', 'osaka-juki-prod');
  const condition = {
    description: null,
    expression: 'request.time < timestamp("2021-04-01T00:00:00+09:00")',
    title: 'until-fy2020',
  };
  return {
    ...member,
    after: { ...member.after, condition: [condition] },
    afterUnknown: { ...member.afterUnknown, condition: [{}] },
  };
}

const cases: AnyCase[] = [
  ...table.map(({ name, records, status, message }) => ({ name, records, status, messageId: message })),
  {
    name: 'takes the organization’s other domains from the memberDomains parameter',
    records: [
      projectPolicyRecord([internal, grant('roles/viewer', 'group:partners@kansai.example.jp')]),
      folder(),
      org(),
    ],
    params: { memberDomains: [DOMAIN, 'Kansai.Example.JP'] },
    status: 'PASS',
    messageId: 'internalOnly',
    assert: (result) => expect(result.data).toEqual({ domains: [DOMAIN, 'kansai.example.jp'] }),
  },
  {
    name: 'names the external grants and cites the primary domain as evidence',
    records: [
      projectPolicyRecord([grant('roles/editor', 'user:taro@vendor.example.com')]),
      folder(),
      org(),
      organizationRecord(DOMAIN),
    ],
    status: 'FAIL',
    messageId: 'external',
    assert: (result) => {
      expect(result.data).toEqual({ grants: ['user:taro@vendor.example.com (roles/editor)'] });
      expect(result.evidence.at(-1)).toMatchObject({
        resourceId: ORG_NAME,
        path: 'resource.data.displayName',
        value: DOMAIN,
      });
    },
  },
  ...conditionCases(),
  ...planCases(),
  {
    name: 'no project IAM policy in the export',
    records: [
      resourceRecord(PROJECT_NAME, 'cloudresourcemanager.googleapis.com/Project', {
        projectNumber: '111111111111',
        projectId: 'osaka-juki-prod',
      }),
    ],
    status: 'UNKNOWN',
    messageId: 'noProjectPolicy',
  },
];

/**
 * A binding with an IAM Condition grants only while it holds: one that has expired grants
 * nothing, one not yet active will, and one on anything but the time is taken to hold.
 */
function conditionCases(): AnyCase[] {
  const vendor = (expression: string) => ({
    ...grant('roles/editor', 'user:taro@vendor.example.com'),
    condition: { title: 'vendor window', expression },
  });
  const records = (expression: string) => [
    projectPolicyRecord([internal, vendor(expression)]),
    folder(),
    org(),
    organizationRecord(DOMAIN),
  ];
  const now = '2026-06-01T00:00:00Z';
  return [
    {
      name: 'an outside account whose conditional grant expired before the scan',
      records: records('request.time < timestamp("2026-04-01T00:00:00Z")'),
      now,
      valid: true,
      messageId: 'internalOnly',
      assert: (result: { evidence: readonly unknown[] }) =>
        expect(result.evidence).toContainEqual(
          expect.objectContaining({
            path: 'iamPolicy.bindings[].condition.expression',
            value: expect.stringContaining('timestamp("2026-04-01T00:00:00Z")'),
          }),
        ),
    },
    {
      name: 'an outside account whose window (start and end) ended, written in parentheses',
      records: records(
        "(request.time >= timestamp('2026-01-01T00:00:00Z')) && (request.time < timestamp('2026-02-01T00:00:00Z'))",
      ),
      now,
      messageId: 'internalOnly',
      valid: true,
    },
    {
      name: 'an outside account whose conditional grant is still in force',
      records: records('request.time < timestamp("2026-12-31T00:00:00Z")'),
      now,
      messageId: 'external',
    },
    {
      name: 'an outside account whose grant starts after the scan (it will hold)',
      records: records('request.time > timestamp("2026-09-01T00:00:00Z")'),
      now,
      messageId: 'external',
    },
    {
      name: 'an expired time or a resource name: either may hold',
      records: records(
        'request.time < timestamp("2026-04-01T00:00:00Z") || resource.name.startsWith("projects/_/buckets/shared")',
      ),
      now,
      messageId: 'external',
    },
  ].map(({ valid, ...testCase }) => ({ ...testCase, status: valid ? 'PASS' : 'FAIL' }));
}

export default byVerdict(cases) satisfies RuleTests;
