import check from '../../../../src/checks/common/classification/cmk-at-rest.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './cmk-at-rest.cases.ts';

run(check, cases);
