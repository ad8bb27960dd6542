import check from '../../../../src/checks/azure/monitor/log-retention.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './log-retention.cases.ts';

run(check, cases);
