import check from '../../../../src/checks/aws/s3/bucket-tls-only.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './bucket-tls-only.cases.ts';

run(check, cases);
