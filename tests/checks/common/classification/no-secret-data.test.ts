import check from '../../../../src/checks/common/classification/no-secret-data.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './no-secret-data.cases.ts';

run(check, cases);
