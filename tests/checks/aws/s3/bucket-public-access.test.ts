import check from '../../../../src/checks/aws/s3/bucket-public-access.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './bucket-public-access.cases.ts';

run(check, cases);
