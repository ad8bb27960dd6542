import check from '../../../../src/checks/aws/logs/log-group-retention.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './log-group-retention.cases.ts';

run(check, cases);
