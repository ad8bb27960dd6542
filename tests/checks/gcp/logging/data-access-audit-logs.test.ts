import check from '../../../../src/checks/gcp/logging/data-access-audit-logs.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './data-access-audit-logs.cases.ts';

run(check, cases);
