import check from '../../../../src/checks/gcp/gke/cluster-logging.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './cluster-logging.cases.ts';

run(check, cases);
