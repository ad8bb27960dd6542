import check from '../../../../src/checks/gcp/iam/external-principals.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './external-principals.cases.ts';

run(check, cases);
