import check from '../../../../src/checks/common/location/management-in-japan.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './management-in-japan.cases.ts';

run(check, cases);
