import check from '../../../../src/checks/aws/ec2/volume-encrypted.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './volume-encrypted.cases.ts';

run(check, cases);
