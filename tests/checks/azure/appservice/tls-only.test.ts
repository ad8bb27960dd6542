import check from '../../../../src/checks/azure/appservice/tls-only.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './tls-only.cases.ts';

run(check, cases);
