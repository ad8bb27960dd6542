import { expect } from 'vitest';
import { credentialReportFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import {
  ADMINISTRATOR_ACCESS,
  iamGroupItem,
  iamUserItem,
  inlinePolicy,
  rootRow,
} from '../../../sources/aws/builders.ts';
import { roleItem } from './role.ts';

const ROOT = credentialReportFile([rootRow('true')]);
const admin = (name: string) => iamUserItem(name, { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });
const everything = inlinePolicy('everything', { Effect: 'Allow', Action: '*', Resource: '*' });
const adminGroup = iamGroupItem('Administrators', { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });

const table = [
  [
    'three administrators (the limit)',
    [admin('a'), admin('b'), roleItem('break-glass', undefined, { rolePolicyList: [everything] })],
    {},
    'PASS',
    'withinLimit',
    3,
  ],
  [
    'four: two users, one through a group, one role',
    [
      admin('a'),
      admin('b'),
      adminGroup,
      iamUserItem('c', { groupList: ['Administrators'] }),
      roleItem('r', undefined, { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] }),
    ],
    {},
    'FAIL',
    'tooMany',
    4,
  ],
  [
    'two against a limit of one',
    [admin('a'), admin('b')],
    { maxPrivilegedPrincipals: 1 },
    'FAIL',
    'tooMany',
    2,
  ],
  [
    'a user whose group is not in the export',
    [admin('a'), iamUserItem('c', { groupList: ['Missing'] })],
    {},
    'UNKNOWN',
    'unknown',
    1,
  ],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, items, params, status, messageId, count]) => ({
    name,
    records: [...items, ROOT],
    params,
    status,
    messageId,
    data: { count },
    assert: (result: { evidence: readonly { resourceId?: string }[] }) => {
      for (const piece of result.evidence) expect(piece.resourceId).toBeDefined();
    },
  })),
  { name: 'no IAM users and roles', records: [ROOT], status: 'UNKNOWN', messageId: 'noIam' },
];

export default byVerdict(cases) satisfies RuleTests;
