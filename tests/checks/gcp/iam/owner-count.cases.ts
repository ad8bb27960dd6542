import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { constant, plan, projectIamMember } from '../../../iac/dialect-plan.ts';
import {
  ANCESTORS,
  FOLDER_NAME,
  ORG_NAME,
  PROJECT_NAME,
  projectPolicyRecord,
  resourceRecord,
} from '../../../sources/gcp/records.ts';
import { ownerGrantingCases } from './owner-granting-roles.ts';
import { impersonationCases } from './owner-impersonation.ts';

const owners = (...members: string[]) => ({ role: 'roles/owner', members });
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
const viewers = { role: 'roles/viewer', members: ['group:staff@city.example.jp'] };

const table = [
  {
    name: 'one owner group, nothing inherited',
    records: [projectPolicyRecord([owners('group:admins@city.example.jp'), viewers]), folder(), org()],
    status: 'PASS',
    message: 'withinLimit',
    count: 1,
  },
  {
    name: 'three on the project and one inherited from the organization',
    records: [
      projectPolicyRecord([
        owners('user:a@city.example.jp', 'user:b@city.example.jp', 'user:c@city.example.jp'),
      ]),
      folder(viewers),
      org(owners('user:d@city.example.jp')),
    ],
    status: 'FAIL',
    message: 'tooMany',
    count: 4,
  },
  {
    name: 'a principal bound twice counts once; deleted principals not at all',
    records: [
      projectPolicyRecord([
        owners('user:a@city.example.jp', 'deleted:user:old@city.example.jp?uid=123456789'),
        {
          ...owners('user:a@city.example.jp'),
          condition: { title: 'until-2027', expression: 'request.time < timestamp("2027-01-01T00:00:00Z")' },
        },
      ]),
      folder(),
      org(),
    ],
    status: 'PASS',
    message: 'withinLimit',
    count: 1,
  },
  {
    name: 'four on the project: FAIL even without the ancestors',
    records: [projectPolicyRecord([owners('user:a@x.jp', 'user:b@x.jp', 'user:c@x.jp', 'user:d@x.jp')])],
    status: 'FAIL',
    message: 'tooMany',
    count: 4,
  },
  {
    // The project's own bindings cannot be read, but what it inherits is already too many.
    name: 'four owners inherited, the project policy unreadable (members not a list)',
    records: [
      projectPolicyRecord([{ role: 'roles/owner', members: 'user:a@x.jp' }]),
      folder(owners('user:b@x.jp', 'user:c@x.jp')),
      org(owners('user:d@x.jp', 'user:e@x.jp')),
    ],
    status: 'FAIL',
    message: 'tooMany',
    count: 4,
  },
  {
    name: 'two owners inherited, the project policy unreadable',
    records: [
      projectPolicyRecord([{ role: 'roles/owner', members: 'user:a@x.jp' }]),
      folder(owners('user:b@x.jp')),
      org(owners('user:d@x.jp')),
    ],
    status: 'UNKNOWN',
    message: 'noProjectPolicy',
    count: undefined,
  },
  {
    name: 'within the limit, but the folder policy is not exported',
    records: [projectPolicyRecord([owners('user:a@x.jp')]), org()],
    status: 'UNKNOWN',
    message: 'ancestorsUnknown',
    count: 1,
  },
] as const;

/**
 * Terraform plans whose `google_project_iam_member`s add owners (other grants of the project may
 * exist): too many among them fail; within the limit, the project's whole policy is unknown.
 */
function planCases(): AnyCase[] {
  const planFile = (members: [string, string | null][]) =>
    jsonFile(
      plan(
        members.map(([role, member], i) => projectIamMember(`grant${i}`, role, member, 'osaka-juki-prod')),
        { providers: { google: { project: constant('osaka-juki-prod') } } },
      ),
      'plan.json',
    );
  return [
    {
      name: 'a Terraform plan granting more owners than the limit',
      records: [
        planFile([
          ['roles/owner', 'user:a@city.example.jp'],
          ['roles/owner', 'user:b@city.example.jp'],
          ['roles/viewer', 'user:c@city.example.jp'],
        ]),
      ],
      params: { maxPrivilegedPrincipals: 1 },
      status: 'FAIL',
      messageId: 'tooMany',
      data: { count: 2, owners: ['user:a@city.example.jp', 'user:b@city.example.jp'] },
    },
    {
      name: 'a Terraform plan granting owners within the limit (others may hold it outside the plan)',
      records: [
        planFile([
          ['roles/owner', 'user:a@city.example.jp'],
          ['roles/owner', null],
        ]),
      ],
      params: { maxPrivilegedPrincipals: 1 },
      status: 'UNKNOWN',
      messageId: 'noProjectPolicy.plan',
    },
  ];
}

const cases: AnyCase[] = [
  ...table.map(({ name, records, status, message, count }) => ({
    name,
    records,
    status,
    messageId: message,
    assert: (result: { data?: Readonly<Record<string, unknown>> }) =>
      expect(result.data?.['count']).toEqual(count),
  })),
  {
    name: 'within the limit, but where the project sits is not known (a policy without ancestors)',
    records: [projectPolicyRecord([owners('user:a@x.jp')], undefined, undefined, [])],
    status: 'UNKNOWN',
    messageId: 'ancestorsUnknown',
    data: { ancestors: 'ancestors' },
    message: {
      ja: '上位（ancestors）の IAM ポリシーがエクスポートにないため',
      en: 'the IAM policies of ancestors are not in the export',
    },
  },
  {
    name: 'follows the maxPrivilegedPrincipals parameter',
    records: [projectPolicyRecord([owners('user:a@x.jp', 'user:b@x.jp')]), folder(), org()],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'FAIL',
    messageId: 'tooMany',
  },
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
  ...ownerGrantingCases,
  ...impersonationCases,
];

export default byVerdict(cases) satisfies RuleTests;
