import check from '../../../../src/checks/gcp/storage/bucket-public-access.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './bucket-public-access.cases.ts';

run(check, cases);
