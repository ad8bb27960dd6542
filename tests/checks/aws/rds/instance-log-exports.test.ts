import check from '../../../../src/checks/aws/rds/instance-log-exports.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './instance-log-exports.cases.ts';

run(check, cases);
