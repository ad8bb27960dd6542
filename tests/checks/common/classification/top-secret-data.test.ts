import check from '../../../../src/checks/common/classification/top-secret-data.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './top-secret-data.cases.ts';

run(check, cases);
