import check from '../../../../src/checks/azure/storage/access-key-age.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './access-key-age.cases.ts';

run(check, cases);
