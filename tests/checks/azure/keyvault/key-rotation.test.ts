import check from '../../../../src/checks/azure/keyvault/key-rotation.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './key-rotation.cases.ts';

run(check, cases);
