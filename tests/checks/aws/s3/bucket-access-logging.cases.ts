import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { bucketItem } from '../../../sources/aws/builders.ts';

const table = [
  [
    'logging to a log bucket',
    { destinationBucketName: 'city-logs', logFilePrefix: 'city-docs/' },
    'PASS',
    'logged',
  ],
  ['logging off', { destinationBucketName: null, logFilePrefix: null }, 'FAIL', 'notLogged'],
  ['not recorded', undefined, 'UNKNOWN', 'unknown'],
] as const;

export default byVerdict(
  table.map(([name, logging, status, messageId]) => ({
    name,
    records: [bucketItem('city-docs', logging ? { BucketLoggingConfiguration: logging } : {})],
    status,
    messageId,
    evidence: [{ path: 'supplementaryConfiguration.BucketLoggingConfiguration.destinationBucketName' }],
  })),
) satisfies RuleTests;
