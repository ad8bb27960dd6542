import check from '../../../../src/checks/aws/ec2/vpc-flow-logs.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './vpc-flow-logs.cases.ts';

run(check, cases);
