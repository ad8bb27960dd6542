import check from '../../../../src/checks/aws/iam/root-mfa.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './root-mfa.cases.ts';

run(check, cases);
