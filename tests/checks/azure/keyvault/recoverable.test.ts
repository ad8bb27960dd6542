import check from '../../../../src/checks/azure/keyvault/recoverable.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './recoverable.cases.ts';

run(check, cases);
