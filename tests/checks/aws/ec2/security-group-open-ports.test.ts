import check from '../../../../src/checks/aws/ec2/security-group-open-ports.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './security-group-open-ports.cases.ts';

run(check, cases);
