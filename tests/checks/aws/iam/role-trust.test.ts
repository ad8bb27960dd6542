import check from '../../../../src/checks/aws/iam/role-trust.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './role-trust.cases.ts';

run(check, cases);
