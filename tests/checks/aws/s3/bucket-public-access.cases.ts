import { expect } from 'vitest';
import { configSelect, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import {
  ACCOUNT,
  accessControlList,
  accountPublicAccessBlockItem,
  bucketArn,
  bucketItem,
  bucketPolicy,
  publicAccessBlock,
} from '../../../sources/aws/builders.ts';
import { PUBLIC_STATEMENTS } from '../lib/public-statements.ts';

const ALL_ON = publicAccessBlock(true, true, true, true);
const ALL_OFF = publicAccessBlock(false, false, false, false);
const PUBLIC_READ = {
  Sid: 'PublicRead',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::b/*',
};
const ACCOUNT_BLOCK_ID = `arn:aws:s3::${ACCOUNT}:account-public-access-block`;
const PAB = 'supplementaryConfiguration.PublicAccessBlockConfiguration';

const table = [
  {
    name: 'bucket Block Public Access on',
    bucket: {
      PublicAccessBlockConfiguration: ALL_ON,
      BucketPolicy: bucketPolicy(PUBLIC_READ),
      AccessControlList: accessControlList(),
    },
    status: 'PASS',
    message: 'blocked',
    evidence: [{ path: `${PAB}.ignorePublicAcls` }, { path: `${PAB}.restrictPublicBuckets` }],
  },
  {
    name: 'account Block Public Access on, bucket has none (default)',
    bucket: { BucketPolicy: bucketPolicy(PUBLIC_READ), AccessControlList: accessControlList() },
    account: ALL_ON,
    status: 'PASS',
    message: 'blocked',
    evidence: [
      { path: 'configuration.ignorePublicAcls', resourceId: ACCOUNT_BLOCK_ID },
      { path: 'configuration.restrictPublicBuckets', resourceId: ACCOUNT_BLOCK_ID },
    ],
  },
  {
    name: 'public policy, no block anywhere (bucket default)',
    bucket: { BucketPolicy: bucketPolicy(PUBLIC_READ), AccessControlList: accessControlList() },
    account: ALL_OFF,
    status: 'FAIL',
    message: 'policyNoCondition',
    evidence: [
      { path: 'supplementaryConfiguration.BucketPolicy.policyText' },
      { path: `${PAB}.restrictPublicBuckets`, source: 'default' },
      { path: 'configuration.restrictPublicBuckets', resourceId: ACCOUNT_BLOCK_ID },
    ],
  },
  {
    name: 'AllUsers ACL grant, IgnorePublicAcls off',
    bucket: {
      PublicAccessBlockConfiguration: publicAccessBlock(false, false, true, true),
      BucketPolicy: bucketPolicy(),
      AccessControlList: accessControlList({ grantee: 'AllUsers', permission: 'Read' }),
    },
    account: ALL_OFF,
    status: 'FAIL',
    message: 'publicAcl',
    evidence: [
      { path: 'supplementaryConfiguration.AccessControlList.grantList' },
      { path: `${PAB}.ignorePublicAcls`, source: 'explicit' },
      { path: 'configuration.ignorePublicAcls', resourceId: ACCOUNT_BLOCK_ID },
    ],
  },
  {
    name: 'public policy neutralised by the account RestrictPublicBuckets, ACL blocked by the bucket',
    bucket: {
      PublicAccessBlockConfiguration: publicAccessBlock(true, true, false, false),
      BucketPolicy: bucketPolicy(PUBLIC_READ),
      AccessControlList: accessControlList(),
    },
    account: publicAccessBlock(false, false, false, true),
    status: 'PASS',
    message: 'blocked',
    evidence: [
      { path: `${PAB}.ignorePublicAcls` },
      { path: 'configuration.restrictPublicBuckets', resourceId: ACCOUNT_BLOCK_ID },
    ],
  },
  {
    name: 'no public grant, but Block Public Access off',
    bucket: {
      PublicAccessBlockConfiguration: ALL_OFF,
      BucketPolicy: bucketPolicy(),
      AccessControlList: accessControlList(),
    },
    account: ALL_OFF,
    status: 'FAIL',
    message: 'notBlocked',
    severity: 'medium',
    evidence: [
      { path: 'supplementaryConfiguration.BucketPolicy.policyText' },
      { path: 'supplementaryConfiguration.AccessControlList.grantList' },
      { path: `${PAB}.ignorePublicAcls` },
      { path: 'configuration.ignorePublicAcls' },
      { path: `${PAB}.restrictPublicBuckets` },
      { path: 'configuration.restrictPublicBuckets' },
    ],
  },
  {
    name: 'public policy, bucket block off, no account block in the export (AWS default: off)',
    bucket: {
      PublicAccessBlockConfiguration: ALL_OFF,
      BucketPolicy: bucketPolicy(PUBLIC_READ),
      AccessControlList: accessControlList(),
    },
    status: 'FAIL',
    message: 'policyNoCondition',
    evidence: [
      { path: 'supplementaryConfiguration.BucketPolicy.policyText' },
      { path: `${PAB}.restrictPublicBuckets` },
      { path: 'AWS::S3::AccountPublicAccessBlock.configuration.restrictPublicBuckets', source: 'default' },
    ],
  },
  {
    // A grant read as nothing may be AllUsers: not "no public grant".
    name: 'ACL with a grant that is no object, no block',
    bucket: {
      PublicAccessBlockConfiguration: ALL_OFF,
      BucketPolicy: bucketPolicy(),
      AccessControlList: JSON.stringify({ grantSet: null, grantList: ['AllUsers:Read'] }),
    },
    account: ALL_OFF,
    status: 'UNKNOWN',
    message: 'unknown',
    evidence: [
      { path: 'supplementaryConfiguration.BucketPolicy.policyText' },
      { path: 'supplementaryConfiguration.AccessControlList.grantList', source: 'unknown' },
      { path: `${PAB}.ignorePublicAcls` },
      { path: 'configuration.ignorePublicAcls' },
      { path: `${PAB}.restrictPublicBuckets` },
      { path: 'configuration.restrictPublicBuckets' },
    ],
  },
  {
    name: 'ACL not in the export, no block',
    bucket: { PublicAccessBlockConfiguration: ALL_OFF, BucketPolicy: bucketPolicy() },
    account: ALL_OFF,
    status: 'UNKNOWN',
    message: 'unknown',
    evidence: [
      { path: 'supplementaryConfiguration.BucketPolicy.policyText' },
      { path: 'supplementaryConfiguration.AccessControlList.grantList', source: 'unknown' },
      { path: `${PAB}.ignorePublicAcls` },
      { path: 'configuration.ignorePublicAcls' },
      { path: `${PAB}.restrictPublicBuckets` },
      { path: 'configuration.restrictPublicBuckets' },
    ],
  },
] as const;

/** `aws s3api <command> --bucket site-b` saved as a dump's `<account>/<region>/<command>_site-b.json`. */
const answer = (command: string, document: object) =>
  jsonFile(document, `${ACCOUNT}/ap-northeast-1/${command}_site-b.json`);
const policyStatus = (isPublic: boolean) =>
  answer('get-bucket-policy-status', { PolicyStatus: { IsPublic: isPublic } });
const blocksOff = answer('get-public-access-block', {
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: false,
    IgnorePublicAcls: false,
    BlockPublicPolicy: false,
    RestrictPublicBuckets: false,
  },
});
const privateAcl = answer('get-bucket-acl', {
  Owner: { DisplayName: 'owner', ID: 'a1b2c3' },
  Grants: [
    { Grantee: { DisplayName: 'owner', ID: 'a1b2c3', Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' },
  ],
});
const policyAnswer = (statement: object) =>
  answer('get-bucket-policy', { Policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) });
const STATUS = 'supplementaryConfiguration.PolicyStatus.IsPublic';

const selectRow = (block: object) => ({
  accountId: ACCOUNT,
  awsRegion: 'ap-northeast-1',
  arn: bucketArn('b'),
  resourceId: 'b',
  resourceType: 'AWS::S3::Bucket',
  configuration: { name: 'b' },
  supplementaryConfiguration: { PublicAccessBlockConfiguration: block },
});

/** A public read for a campaign: allowed until `until` (aws:CurrentTime), no block anywhere. */
const campaign = (name: string, until: string, message: string, severity?: string): AnyCase => ({
  name,
  records: [
    bucketItem('b', {
      PublicAccessBlockConfiguration: ALL_OFF,
      BucketPolicy: bucketPolicy({
        ...PUBLIC_READ,
        Condition: { DateLessThan: { 'aws:CurrentTime': until } },
      }),
      AccessControlList: accessControlList(),
    }),
    accountPublicAccessBlockItem(ALL_OFF),
  ],
  now: '2026-06-01T00:00:00Z',
  status: 'FAIL',
  messageId: message,
  assert: (result: { severity?: string }) => expect(result.severity).toBe(severity),
});

const cases: AnyCase[] = [
  ...table.map(({ name, bucket, status, message, evidence, ...rest }) => ({
    name,
    records: [
      bucketItem('b', bucket),
      ...('account' in rest ? [accountPublicAccessBlockItem(rest.account)] : []),
    ],
    status,
    messageId: message,
    data: { bucket: 'b' },
    evidence,
    // The result raises no severity of its own unless the table says so.
    assert: (result: { severity?: string }) =>
      expect(result.severity).toBe('severity' in rest ? rest.severity : undefined),
  })),
  // Each reason a policy is public, worded in both languages.
  ...PUBLIC_STATEMENTS.map(({ name, statement, messageId, message }) => ({
    name: `a public policy: ${name}`,
    records: [
      bucketItem('b', {
        BucketPolicy: bucketPolicy({ ...statement, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
        AccessControlList: accessControlList(),
      }),
      accountPublicAccessBlockItem(ALL_OFF),
    ],
    status: 'FAIL' as const,
    messageId,
    message: {
      ja: `バケット b のバケットポリシー（${statement['Sid']}）が誰にでもアクセスを許可しています。${message.ja}`,
      en: `The policy of bucket b allows anyone (${statement['Sid']}): ${message.en}`,
    },
  })),
  {
    name: 'names every public statement, and why the first is public, in the message data',
    records: [
      bucketItem('b', {
        BucketPolicy: bucketPolicy(PUBLIC_READ, {
          ...PUBLIC_READ,
          Sid: 'Tls',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        }),
        AccessControlList: accessControlList(),
      }),
      accountPublicAccessBlockItem(ALL_OFF),
    ],
    status: 'FAIL',
    messageId: 'policyNoCondition',
    assert: (result) => {
      // The evidence holds what makes each statement public, as data.
      expect(result.evidence[0]).toMatchObject({
        path: 'supplementaryConfiguration.BucketPolicy.policyText',
        value: [
          { statement: 'PublicRead', field: 'Principal', principal: '"*"', conditions: [] },
          {
            statement: 'Tls',
            field: 'Principal',
            principal: '"*"',
            conditions: [{ operator: 'Bool', key: 'aws:SecureTransport', flaw: 'key' }],
          },
        ],
      });
      expect(result.data).toEqual({
        bucket: 'b',
        statements: ['PublicRead', 'Tls'],
        statement: 'PublicRead',
        principal: '"*"',
        conditions: [],
      });
    },
  },
  {
    // The Java SDK's AccessControlList fills `grantSet` and leaves `grantList` null when it was
    // built as a set: the AllUsers grant is there all the same.
    name: 'an ACL recorded in grantSet (grantList null) granting AllUsers Read',
    records: [
      bucketItem('b', {
        PublicAccessBlockConfiguration: publicAccessBlock(false, false, false, false),
        BucketPolicy: bucketPolicy(),
        AccessControlList: JSON.stringify({
          grantSet: [
            { grantee: { id: 'a1b2c3', displayName: null }, permission: 'FullControl' },
            { grantee: 'AllUsers', permission: 'Read' },
          ],
          grantList: null,
          owner: { displayName: null, id: 'a1b2c3' },
          isRequesterCharged: false,
        }),
      }),
      accountPublicAccessBlockItem(ALL_OFF),
    ],
    status: 'FAIL',
    messageId: 'publicAcl',
  },
  {
    // turnerlabs/antiope inventory-buckets.py writes Config-shaped items whose supplementary
    // configuration holds the S3 API's own answers: `BucketPolicy` as the parsed document (no
    // `policyText`), `Grants` from GetBucketAcl. The policy is public, not absent.
    name: 'a Config-shaped item holding the parsed policy document and GetBucketAcl Grants',
    records: [
      bucketItem('b', {
        PublicAccessBlockConfiguration: publicAccessBlock(false, false, false, false),
        BucketPolicy: { Version: '2012-10-17', Statement: [PUBLIC_READ] },
        Grants: [
          { Grantee: { ID: 'a1b2c3', Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' },
          {
            Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
            Permission: 'READ',
          },
        ],
      }),
      accountPublicAccessBlockItem(ALL_OFF),
    ],
    status: 'FAIL',
    messageId: 'policyNoCondition',
    data: { statements: ['PublicRead'] },
  },
  {
    name: 'an ACL with no list of grants at all is not taken for a private one',
    records: [
      bucketItem('b', {
        PublicAccessBlockConfiguration: publicAccessBlock(false, false, false, false),
        BucketPolicy: bucketPolicy(),
        AccessControlList: JSON.stringify({ owner: { displayName: null, id: 'a1b2c3' } }),
      }),
      accountPublicAccessBlockItem(ALL_OFF),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    name: 'a SELECT row whose bucket blocks are on, although SELECT cannot return the policy or ACL',
    records: [configSelect([selectRow(ALL_ON)])],
    status: 'PASS',
    messageId: 'blocked',
  },
  {
    name: 'a SELECT row whose bucket blocks are off: the policy and ACL are not known',
    records: [configSelect([selectRow(ALL_OFF)]), accountPublicAccessBlockItem(ALL_OFF)],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  // `aws s3api get-bucket-policy-status`: S3's own verdict on the policy, beside the document or
  // without it.
  {
    name: 'S3 judges the policy public (get-bucket-policy-status), the document not exported',
    records: [policyStatus(true), blocksOff, privateAcl, accountPublicAccessBlockItem(ALL_OFF)],
    status: 'FAIL',
    messageId: 'policyStatusPublic',
    evidence: [
      { path: STATUS, source: 'explicit', value: true },
      { path: 'supplementaryConfiguration.BucketPolicy.policyText', source: 'unknown' },
      { path: `${PAB}.restrictPublicBuckets`, value: false },
      { path: 'configuration.restrictPublicBuckets', resourceId: ACCOUNT_BLOCK_ID },
    ],
  },
  {
    // kansa's reading of the conditions approximates S3's rule: S3's "public" is kept.
    name: 'S3 judges public a policy in which kansa finds no public statement',
    records: [
      policyAnswer({
        Sid: 'FromOrgVpc',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::site-b/*',
        Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } },
      }),
      policyStatus(true),
      blocksOff,
      privateAcl,
      accountPublicAccessBlockItem(ALL_OFF),
    ],
    status: 'FAIL',
    messageId: 'policyStatusPublic',
    evidence: [
      { path: STATUS, value: true },
      { path: 'supplementaryConfiguration.BucketPolicy.policyText', source: 'explicit', value: [] },
      { path: `${PAB}.restrictPublicBuckets` },
      { path: 'configuration.restrictPublicBuckets' },
    ],
  },
  {
    // The statement is there to read: S3's "not public" (perhaps of another version) does not
    // clear it.
    name: 'a public statement in the document, though S3 answered the policy not public',
    records: [
      policyAnswer(PUBLIC_READ),
      policyStatus(false),
      blocksOff,
      accountPublicAccessBlockItem(ALL_OFF),
    ],
    status: 'FAIL',
    messageId: 'policyNoCondition',
    evidence: [
      { path: 'supplementaryConfiguration.BucketPolicy.policyText' },
      { path: `${PAB}.restrictPublicBuckets` },
      { path: 'configuration.restrictPublicBuckets' },
    ],
  },
  {
    name: 'S3 judges the policy not public, the document not exported: only the open blocks remain',
    records: [policyStatus(false), blocksOff, privateAcl, accountPublicAccessBlockItem(ALL_OFF)],
    status: 'FAIL',
    messageId: 'notBlocked',
    evidence: [
      { path: 'supplementaryConfiguration.BucketPolicy.policyText', source: 'unknown' },
      { path: STATUS, source: 'explicit', value: false },
      { path: 'supplementaryConfiguration.AccessControlList.grantList', source: 'explicit' },
      { path: `${PAB}.ignorePublicAcls` },
      { path: 'configuration.ignorePublicAcls' },
      { path: `${PAB}.restrictPublicBuckets` },
      { path: 'configuration.restrictPublicBuckets' },
    ],
    assert: (result) => expect(result.severity).toBe('medium'),
  },
  {
    name: 'S3 judges the policy public, but the account restricts public buckets',
    records: [policyStatus(true), blocksOff, privateAcl, accountPublicAccessBlockItem(ALL_ON)],
    status: 'PASS',
    messageId: 'blocked',
  },
  campaign(
    'a public statement that expired before the scan: not public, not blocked',
    '2026-03-31T15:00:00Z',
    'notBlocked',
    'medium',
  ),
  campaign('a public statement in force until after the scan', '2026-12-31T15:00:00Z', 'policyConditionKey'),
];

export default byVerdict(cases) satisfies RuleTests;
