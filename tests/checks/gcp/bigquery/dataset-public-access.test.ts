import check from '../../../../src/checks/gcp/bigquery/dataset-public-access.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './dataset-public-access.cases.ts';

run(check, cases);
