import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { bucketArn, bucketItem, bucketPolicy } from '../../../sources/aws/builders.ts';

const ARN = bucketArn('city-docs');
const denyHttp = (condition: Record<string, unknown>, action: unknown = 's3:*') => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: action,
  Resource: [ARN, `${ARN}/*`],
  Condition: condition,
});

const table = [
  [
    'Deny s3:* when aws:SecureTransport is false',
    bucketPolicy(denyHttp({ Bool: { 'aws:SecureTransport': 'false' } })),
    'PASS',
    'tlsOnly',
    'explicit',
  ],
  [
    'BoolIfExists, boolean false, Action "*"',
    bucketPolicy(denyHttp({ BoolIfExists: { 'aws:SecureTransport': false } }, '*')),
    'PASS',
    'tlsOnly',
    'explicit',
  ],
  [
    'Deny of GetObject only',
    bucketPolicy(denyHttp({ Bool: { 'aws:SecureTransport': 'false' } }, 's3:GetObject')),
    'FAIL',
    'httpAllowed',
    'default',
  ],
  [
    // Conditions are ANDed: the denial holds only for plain HTTP through that endpoint.
    'Deny of plain HTTP only through one VPC endpoint',
    bucketPolicy(
      denyHttp({
        Bool: { 'aws:SecureTransport': 'false' },
        StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' },
      }),
    ),
    'FAIL',
    'httpAllowed',
    'default',
  ],
  [
    'Deny of plain HTTP on one prefix of the bucket only',
    bucketPolicy({
      ...denyHttp({ Bool: { 'aws:SecureTransport': 'false' } }),
      Resource: `${ARN}/public/*`,
    }),
    'FAIL',
    'httpAllowed',
    'default',
  ],
  [
    'Deny of plain HTTP on every resource ("*")',
    bucketPolicy({ ...denyHttp({ Bool: { 'aws:SecureTransport': 'false' } }), Resource: '*' }),
    'PASS',
    'tlsOnly',
    'explicit',
  ],
  ['no bucket policy (S3 default: HTTP accepted)', bucketPolicy(), 'FAIL', 'httpAllowed', 'default'],
  ['BucketPolicy not recorded', undefined, 'UNKNOWN', 'unknown', 'unknown'],
] as const;

export default byVerdict(
  table.map(([name, policy, status, messageId, source]) => ({
    name,
    records: [bucketItem('city-docs', policy ? { BucketPolicy: policy } : {})],
    status,
    messageId,
    evidence: [{ source }],
  })),
) satisfies RuleTests;
