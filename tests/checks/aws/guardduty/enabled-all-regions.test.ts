import check from '../../../../src/checks/aws/guardduty/enabled-all-regions.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './enabled-all-regions.cases.ts';

run(check, cases);
