import check from '../../../../src/checks/azure/aks/rbac.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './rbac.cases.ts';

run(check, cases);
