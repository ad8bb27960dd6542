import check from '../../../../src/checks/gcp/storage/bucket-uniform-access.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './bucket-uniform-access.cases.ts';

run(check, cases);
