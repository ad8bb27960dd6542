import check from '../../../../src/checks/azure/cost/budget.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './budget.cases.ts';

run(check, cases);
