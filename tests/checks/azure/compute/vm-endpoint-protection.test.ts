import check from '../../../../src/checks/azure/compute/vm-endpoint-protection.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './vm-endpoint-protection.cases.ts';

run(check, cases);
