import check from '../../../../src/checks/gcp/iam/owner-count.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './owner-count.cases.ts';

run(check, cases);
