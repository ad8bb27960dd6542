import check from '../../../../src/checks/aws/cloudtrail/log-file-validation.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './log-file-validation.cases.ts';

run(check, cases);
