import check from '../../../../src/checks/gcp/sql/instance-backups.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './instance-backups.cases.ts';

run(check, cases);
