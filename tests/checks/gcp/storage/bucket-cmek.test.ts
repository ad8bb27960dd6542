import check from '../../../../src/checks/gcp/storage/bucket-cmek.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './bucket-cmek.cases.ts';

run(check, cases);
