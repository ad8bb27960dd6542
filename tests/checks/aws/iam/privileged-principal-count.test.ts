import check from '../../../../src/checks/aws/iam/privileged-principal-count.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './privileged-principal-count.cases.ts';

run(check, cases);
