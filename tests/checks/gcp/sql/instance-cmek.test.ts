import check from '../../../../src/checks/gcp/sql/instance-cmek.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './instance-cmek.cases.ts';

run(check, cases);
