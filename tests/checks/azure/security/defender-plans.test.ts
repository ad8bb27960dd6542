import check from '../../../../src/checks/azure/security/defender-plans.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './defender-plans.cases.ts';

run(check, cases);
