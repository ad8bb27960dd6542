import check from '../../../../src/checks/aws/iam/access-key-age.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './access-key-age.cases.ts';

run(check, cases);
