import check from '../../../../src/checks/azure/network/flow-logs.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './flow-logs.cases.ts';

run(check, cases);
