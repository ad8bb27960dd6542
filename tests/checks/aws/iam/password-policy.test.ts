import check from '../../../../src/checks/aws/iam/password-policy.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './password-policy.cases.ts';

run(check, cases);
