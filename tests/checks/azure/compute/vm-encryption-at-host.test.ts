import check from '../../../../src/checks/azure/compute/vm-encryption-at-host.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './vm-encryption-at-host.cases.ts';

run(check, cases);
