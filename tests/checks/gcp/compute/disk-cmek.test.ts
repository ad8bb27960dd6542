import check from '../../../../src/checks/gcp/compute/disk-cmek.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './disk-cmek.cases.ts';

run(check, cases);
