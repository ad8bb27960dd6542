import check from '../../../../src/checks/aws/rds/instance-encrypted.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './instance-encrypted.cases.ts';

run(check, cases);
