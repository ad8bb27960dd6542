import check from '../../../../src/checks/gcp/logging/log-bucket-retention.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './log-bucket-retention.cases.ts';

run(check, cases);
