import check from '../../../../src/checks/aws/kms/key-pending-deletion.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './key-pending-deletion.cases.ts';

run(check, cases);
