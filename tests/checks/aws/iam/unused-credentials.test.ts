import check from '../../../../src/checks/aws/iam/unused-credentials.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './unused-credentials.cases.ts';

run(check, cases);
