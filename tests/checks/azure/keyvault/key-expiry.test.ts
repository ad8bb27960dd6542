import check from '../../../../src/checks/azure/keyvault/key-expiry.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './key-expiry.cases.ts';

run(check, cases);
