import check from '../../../../src/checks/azure/aks/api-server-access.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './api-server-access.cases.ts';

run(check, cases);
