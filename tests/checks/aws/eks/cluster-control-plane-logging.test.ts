import check from '../../../../src/checks/aws/eks/cluster-control-plane-logging.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './cluster-control-plane-logging.cases.ts';

run(check, cases);
