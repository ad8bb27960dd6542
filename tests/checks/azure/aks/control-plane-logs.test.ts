import check from '../../../../src/checks/azure/aks/control-plane-logs.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './control-plane-logs.cases.ts';

run(check, cases);
