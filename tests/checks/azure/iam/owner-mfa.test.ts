import check from '../../../../src/checks/azure/iam/owner-mfa.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './owner-mfa.cases.ts';

run(check, cases);
