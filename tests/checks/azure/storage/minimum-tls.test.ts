import check from '../../../../src/checks/azure/storage/minimum-tls.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './minimum-tls.cases.ts';

run(check, cases);
