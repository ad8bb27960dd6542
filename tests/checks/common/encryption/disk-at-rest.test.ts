import check from '../../../../src/checks/common/encryption/disk-at-rest.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './disk-at-rest.cases.ts';

run(check, cases);
