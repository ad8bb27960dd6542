import check from '../../../../src/checks/aws/s3/bucket-cmk-encryption.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './bucket-cmk-encryption.cases.ts';

run(check, cases);
