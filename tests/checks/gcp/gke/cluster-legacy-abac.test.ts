import check from '../../../../src/checks/gcp/gke/cluster-legacy-abac.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './cluster-legacy-abac.cases.ts';

run(check, cases);
