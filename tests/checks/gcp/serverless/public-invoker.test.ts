import check from '../../../../src/checks/gcp/serverless/public-invoker.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './public-invoker.cases.ts';

run(check, cases);
