import check from '../../../../src/checks/aws/eks/cluster-endpoint-access.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './cluster-endpoint-access.cases.ts';

run(check, cases);
