import check from '../../../../src/checks/azure/storage/https-only.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './https-only.cases.ts';

run(check, cases);
