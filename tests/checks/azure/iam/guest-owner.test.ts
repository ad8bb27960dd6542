import check from '../../../../src/checks/azure/iam/guest-owner.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './guest-owner.cases.ts';

run(check, cases);
