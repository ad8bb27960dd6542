import check from '../../../../src/checks/azure/iam/guest-write.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './guest-write.cases.ts';

run(check, cases);
