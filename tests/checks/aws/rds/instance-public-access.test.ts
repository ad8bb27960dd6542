import check from '../../../../src/checks/aws/rds/instance-public-access.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './instance-public-access.cases.ts';

run(check, cases);
