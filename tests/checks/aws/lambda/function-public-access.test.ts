import check from '../../../../src/checks/aws/lambda/function-public-access.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './function-public-access.cases.ts';

run(check, cases);
