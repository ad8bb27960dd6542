import check from '../../../../src/checks/azure/sql/auditing.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './auditing.cases.ts';

run(check, cases);
