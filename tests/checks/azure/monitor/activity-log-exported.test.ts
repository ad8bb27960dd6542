import check from '../../../../src/checks/azure/monitor/activity-log-exported.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './activity-log-exported.cases.ts';

run(check, cases);
