import check from '../../../../src/checks/common/encryption/storage-at-rest.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './storage-at-rest.cases.ts';

run(check, cases);
