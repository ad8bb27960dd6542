import check from '../../../../src/checks/aws/iam/console-user-mfa.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './console-user-mfa.cases.ts';

run(check, cases);
