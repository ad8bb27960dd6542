import check from '../../../../src/checks/gcp/compute/firewall-policy-internet-ingress.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './firewall-policy-internet-ingress.cases.ts';

run(check, cases);
