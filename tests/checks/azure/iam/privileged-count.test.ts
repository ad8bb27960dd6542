import check from '../../../../src/checks/azure/iam/privileged-count.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './privileged-count.cases.ts';

run(check, cases);
