import { describe, expect, it } from 'vitest';
import type { AwsPublicGrant } from '../../../src/model/aws.ts';
import { publicGrantsOf, publicStatementsFact } from '../../../src/sources/aws/adapters/public-policy.ts';

/**
 * One row per rule and example of the S3 User Guide's "The meaning of 'public'" (bucket
 * policies), plus the documented operator semantics that decide whether a condition narrows.
 */
const MEANING_OF_PUBLIC =
  'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status';
const CONDITION_OPERATORS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
const NOT_PRINCIPAL =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html';

const statement = (extra: Record<string, unknown>) => ({
  Sid: 'S',
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::b/*',
  ...extra,
});

interface Row {
  readonly name: string;
  readonly doc: string;
  readonly statement: Record<string, unknown>;
  /** What makes it public (toMatchObject); null when not public. */
  readonly public: Partial<AwsPublicGrant> | null;
}

const ROWS: Row[] = [
  // The guide's own public examples.
  {
    name: 'Principal "*" with no condition',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: '*' }),
    public: { field: 'Principal', principal: '"*"', conditions: [] },
  },
  {
    name: 'StringLike aws:SourceVpc "vpc-*" (the guide\'s example of a wildcard value)',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: '*', Condition: { StringLike: { 'aws:SourceVpc': 'vpc-*' } } }),
    public: { conditions: [{ operator: 'StringLike', key: 'aws:SourceVpc', value: 'vpc-*', flaw: 'value' }] },
  },
  {
    name: "StringEquals aws:SourceVpc with a fixed value (the guide's non-public fix)",
    doc: MEANING_OF_PUBLIC,
    statement: statement({
      Principal: '*',
      Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-91237329' } },
    }),
    public: null,
  },
  {
    name: '{"AWS": "*"} is any principal',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: { AWS: '*' } }),
    public: { field: 'Principal', principal: '{"AWS":"*"}' },
  },
  {
    name: '{"AWS": ["*"]} in a list',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } }),
    public: { principal: '{"AWS":["arn:aws:iam::111122223333:root","*"]}' },
  },
  // Fixed principals are not public, whatever the conditions.
  {
    name: 'a fixed account principal',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }),
    public: null,
  },
  {
    name: 'a fixed account id',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: { AWS: '111122223333' } }),
    public: null,
  },
  {
    name: 'a service principal',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: { Service: 'cloudtrail.amazonaws.com' } }),
    public: null,
  },
  {
    name: 'a canonical user',
    doc: MEANING_OF_PUBLIC,
    statement: statement({
      Principal: { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
    }),
    public: null,
  },
  {
    name: 'a Federated principal is any user its identity provider signs in',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: { Federated: 'cognito-identity.amazonaws.com' } }),
    public: {
      field: 'Principal',
      principal: '{"Federated":"cognito-identity.amazonaws.com"}',
      conditions: [],
    },
  },
  // Each documented key, with a fixed value, narrows a wildcard principal.
  ...(
    [
      ['aws:SourceIp', 'IpAddress', '192.0.2.0/24'],
      ['aws:SourceVpce', 'StringEquals', 'vpce-1a2b3c4d'],
      ['aws:SourceVpc', 'StringEquals', 'vpc-111bbb22'],
      ['aws:SourceArn', 'ArnEquals', 'arn:aws:cloudtrail:ap-northeast-1:111122223333:trail/t'],
      ['aws:SourceAccount', 'StringEquals', '111122223333'],
      ['aws:SourceOwner', 'StringEquals', '111122223333'],
      ['aws:PrincipalOrgID', 'StringEquals', 'o-a1b2c3d4e5'],
      ['aws:PrincipalAccount', 'StringEquals', '111122223333'],
      ['aws:userid', 'StringEquals', 'AIDAEXAMPLEID'],
      ['aws:userid', 'StringLike', 'AROAEXAMPLEID:*'],
      [
        's3:x-amz-server-side-encryption-aws-kms-key-id',
        'StringEquals',
        'arn:aws:kms:ap-northeast-1:111122223333:key/k',
      ],
      ['s3:DataAccessPointAccount', 'StringEquals', '111122223333'],
      ['s3:DataAccessPointArn', 'StringLike', 'arn:aws:s3:ap-northeast-1:111122223333:accesspoint/*'],
    ] as const
  ).map(
    ([key, operator, value]): Row => ({
      name: `${operator} ${key} ${value} narrows "*"`,
      doc: MEANING_OF_PUBLIC,
      statement: statement({ Principal: '*', Condition: { [operator]: { [key]: value } } }),
      public: null,
    }),
  ),
  {
    name: 'condition keys are case-insensitive (aws:sourceip)',
    doc: CONDITION_OPERATORS,
    statement: statement({
      Principal: '*',
      Condition: { IpAddress: { 'aws:sourceip': ['192.0.2.0/24', '198.51.100.7'] } },
    }),
    public: null,
  },
  // aws:SourceIp broader than /8 (IPv4) or /32 (IPv6) is public.
  {
    name: 'aws:SourceIp 0.0.0.0/1 is broader than /8',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/1' } } }),
    public: {
      conditions: [{ operator: 'IpAddress', key: 'aws:SourceIp', value: '0.0.0.0/1', flaw: 'sourceIpRange' }],
    },
  },
  {
    name: 'aws:SourceIp 0.0.0.0/0',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }),
    public: {
      conditions: [{ operator: 'IpAddress', key: 'aws:SourceIp', value: '0.0.0.0/0', flaw: 'sourceIpRange' }],
    },
  },
  {
    name: 'aws:SourceIp with one narrow and one broad range',
    doc: MEANING_OF_PUBLIC,
    statement: statement({
      Principal: '*',
      Condition: { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '64.0.0.0/2'] } },
    }),
    public: {
      conditions: [
        { operator: 'IpAddress', key: 'aws:SourceIp', value: '64.0.0.0/2', flaw: 'sourceIpRange' },
      ],
    },
  },
  {
    name: 'aws:SourceIp 10.0.0.0/8 is exactly the limit',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }),
    public: null,
  },
  {
    name: 'aws:SourceIp IPv6 2001:db8::/16 is broader than /32',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/16' } } }),
    public: {
      conditions: [
        { operator: 'IpAddress', key: 'aws:SourceIp', value: '2001:db8::/16', flaw: 'sourceIpRange' },
      ],
    },
  },
  {
    name: 'aws:SourceIp IPv6 2001:db8:1234::/48',
    doc: MEANING_OF_PUBLIC,
    statement: statement({
      Principal: '*',
      Condition: { IpAddress: { 'aws:SourceIp': '2001:db8:1234::/48' } },
    }),
    public: null,
  },
  // Operators that do not narrow.
  {
    name: 'NotIpAddress admits every other address',
    doc: CONDITION_OPERATORS,
    statement: statement({ Principal: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } }),
    public: { conditions: [{ operator: 'NotIpAddress', key: 'aws:SourceIp', flaw: 'operator' }] },
  },
  {
    name: 'StringNotEquals aws:SourceVpc admits every other network, the internet included',
    doc: CONDITION_OPERATORS,
    statement: statement({
      Principal: '*',
      Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } },
    }),
    public: { conditions: [{ operator: 'StringNotEquals', key: 'aws:SourceVpc', flaw: 'operator' }] },
  },
  {
    name: 'ArnNotLike aws:SourceArn',
    doc: CONDITION_OPERATORS,
    statement: statement({
      Principal: '*',
      Condition: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:t' } },
    }),
    public: { conditions: [{ operator: 'ArnNotLike', key: 'aws:SourceArn', flaw: 'operator' }] },
  },
  {
    name: 'StringEqualsIfExists is true for a request without the key (anonymous internet requests)',
    doc: CONDITION_OPERATORS,
    statement: statement({
      Principal: '*',
      Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
    }),
    public: { conditions: [{ operator: 'StringEqualsIfExists', key: 'aws:SourceVpce', flaw: 'operator' }] },
  },
  {
    name: 'ForAllValues: is true when the key is absent',
    doc: CONDITION_OPERATORS,
    statement: statement({
      Principal: '*',
      Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgPaths': 'o-a/r-b/ou-c/' } },
    }),
    public: {
      conditions: [{ operator: 'ForAllValues:StringEquals', key: 'aws:PrincipalOrgPaths', flaw: 'operator' }],
    },
  },
  {
    name: 'a key that does not identify the caller (aws:SecureTransport) narrows nothing',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
    public: { conditions: [{ operator: 'Bool', key: 'aws:SecureTransport', flaw: 'key' }] },
  },
  {
    name: 'aws:username is not unique across accounts and narrows nothing',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Principal: '*', Condition: { StringEquals: { 'aws:username': 'alice' } } }),
    public: { conditions: [{ operator: 'StringEquals', key: 'aws:username', flaw: 'key' }] },
  },
  {
    name: 'a policy variable is not a fixed value',
    doc: MEANING_OF_PUBLIC,
    statement: statement({
      Principal: '*',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
      Condition: { StringEquals: { 'aws:SourceAccount': '${aws:PrincipalAccount}' } },
    }),
    public: {
      conditions: [
        {
          operator: 'StringEquals',
          key: 'aws:SourceAccount',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
          value: '${aws:PrincipalAccount}',
          flaw: 'value',
        },
      ],
    },
  },
  {
    name: 'one narrowing condition among others is enough (conditions are ANDed)',
    doc: CONDITION_OPERATORS,
    statement: statement({
      Principal: '*',
      Condition: {
        Bool: { 'aws:SecureTransport': 'true' },
        StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
      },
    }),
    public: null,
  },
  {
    name: 'Allow with NotPrincipal grants to everyone else, anonymous users included',
    doc: NOT_PRINCIPAL,
    statement: statement({ NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }),
    public: { field: 'NotPrincipal', principal: '{"AWS":"arn:aws:iam::111122223333:root"}' },
  },
  {
    name: 'Deny statements never grant',
    doc: MEANING_OF_PUBLIC,
    statement: statement({ Effect: 'Deny', Principal: '*' }),
    public: null,
  },
];

describe('S3 "The meaning of public" for bucket policies', () => {
  for (const row of ROWS) {
    it(`${row.name} → ${row.public ? 'public' : 'not public'} (${row.doc})`, () => {
      const grants = publicGrantsOf({ Version: '2012-10-17', Statement: [row.statement] });
      if (row.public === null) {
        expect(grants).toEqual([]);
      } else {
        expect(grants).toHaveLength(1);
        expect(grants?.[0]).toMatchObject({ statement: 'S', ...row.public });
      }
    });
  }

  it(`a policy with a fixed-principal statement and one public statement is public, naming only the public one (${MEANING_OF_PUBLIC})`, () => {
    const grants = publicGrantsOf({
      Statement: [
        {
          Sid: 'CloudTrail',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
        },
        {
          Sid: 'Partner',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::444455556666:root' },
          Action: 's3:GetObject',
        },
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject' },
      ],
    });
    expect(grants?.map((grant) => grant.statement)).toEqual(['Statement[2]']);
  });

  it('a single statement object (not a list) is read', () => {
    expect(
      publicGrantsOf({ Statement: { Sid: 'One', Effect: 'Allow', Principal: '*', Action: '*' } }),
    ).toHaveLength(1);
  });

  it('an unparsable policy is unknown, never "not public"; no policy is none', () => {
    expect(publicStatementsFact('{not json', 'p').source).toBe('unknown');
    expect(publicStatementsFact(null, 'p')).toMatchObject({ source: 'explicit', value: [] });
    expect(
      publicStatementsFact(
        encodeURIComponent(JSON.stringify({ Statement: [statement({ Principal: '*' })] })),
        'p',
      ).value,
    ).toEqual([{ statement: 'S', field: 'Principal', principal: '"*"', federated: false, conditions: [] }]);
  });
});
