import check from '../../../../src/checks/azure/storage/customer-managed-key.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './customer-managed-key.cases.ts';

run(check, cases);
