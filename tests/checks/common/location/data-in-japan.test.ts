import check from '../../../../src/checks/common/location/data-in-japan.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './data-in-japan.cases.ts';

run(check, cases);
