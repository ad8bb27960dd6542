import check from '../../../../src/checks/aws/cloudtrail/multi-region-trail.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './multi-region-trail.cases.ts';

run(check, cases);
