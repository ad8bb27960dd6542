import check from '../../../../src/checks/gcp/compute/subnet-flow-logs.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './subnet-flow-logs.cases.ts';

run(check, cases);
