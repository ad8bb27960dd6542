import { describe, expect, it } from 'vitest';
import bucketAccessLogging from '../../../src/checks/aws/s3/bucket-access-logging.ts';
import bucketTlsOnly from '../../../src/checks/aws/s3/bucket-tls-only.ts';
import { evaluate } from '../../helpers/checks.ts';
import { bucketArn, bucketItem, bucketPolicy } from '../../sources/aws/builders.ts';
import { tenancy } from './harness.ts';

const ARN = bucketArn('city-docs');
const denyHttp = (condition: Record<string, unknown>, action: unknown = 's3:*') => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: action,
  Resource: [ARN, `${ARN}/*`],
  Condition: condition,
});

describe('aws.s3.bucket-tls-only', () => {
  it.each([
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
    ['no bucket policy (S3 default: HTTP accepted)', bucketPolicy(), 'FAIL', 'httpAllowed', 'default'],
    ['BucketPolicy not recorded', undefined, 'UNKNOWN', 'unknown', 'unknown'],
  ])('%s → %s', (_, policy, status, message, source) => {
    const item = bucketItem('city-docs', policy ? { BucketPolicy: policy } : {});
    const result = evaluate(bucketTlsOnly, tenancy({ items: [item] }), ARN);
    expect(result).toMatchObject({ status, message, evidence: [{ source }] });
  });
});

describe('aws.s3.bucket-access-logging', () => {
  it.each([
    [
      'logging to a log bucket',
      { destinationBucketName: 'city-logs', logFilePrefix: 'city-docs/' },
      'PASS',
      'logged',
    ],
    ['logging off', { destinationBucketName: null, logFilePrefix: null }, 'FAIL', 'notLogged'],
    ['not recorded', undefined, 'UNKNOWN', 'unknown'],
  ])('%s → %s', (_, logging, status, message) => {
    const item = bucketItem('city-docs', logging ? { BucketLoggingConfiguration: logging } : {});
    const result = evaluate(bucketAccessLogging, tenancy({ items: [item] }), ARN);
    expect(result).toMatchObject({
      status,
      message,
      evidence: [{ path: 'supplementaryConfiguration.BucketLoggingConfiguration.destinationBucketName' }],
    });
  });
});
