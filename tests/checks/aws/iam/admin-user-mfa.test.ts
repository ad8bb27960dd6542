import check from '../../../../src/checks/aws/iam/admin-user-mfa.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './admin-user-mfa.cases.ts';

run(check, cases);
