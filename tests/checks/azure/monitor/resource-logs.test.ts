import check from '../../../../src/checks/azure/monitor/resource-logs.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './resource-logs.cases.ts';

run(check, cases);
