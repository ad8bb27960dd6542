import check from '../../../../src/checks/azure/iam/write-mfa.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './write-mfa.cases.ts';

run(check, cases);
