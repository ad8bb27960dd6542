import check from '../../../../src/checks/gcp/compute/firewall-internet-ingress.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './firewall-internet-ingress.cases.ts';

run(check, cases);
