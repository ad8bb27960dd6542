import check from '../../../../src/checks/aws/s3/bucket-access-logging.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './bucket-access-logging.cases.ts';

run(check, cases);
