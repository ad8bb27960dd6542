import check from '../../../../src/checks/aws/iam/root-access-keys.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './root-access-keys.cases.ts';

run(check, cases);
