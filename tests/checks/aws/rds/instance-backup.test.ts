import check from '../../../../src/checks/aws/rds/instance-backup.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './instance-backup.cases.ts';

run(check, cases);
