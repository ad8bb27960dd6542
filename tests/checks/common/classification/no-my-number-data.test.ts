import check from '../../../../src/checks/common/classification/no-my-number-data.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './no-my-number-data.cases.ts';

run(check, cases);
