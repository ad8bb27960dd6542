import check from '../../../../src/checks/azure/network/nsg-internet-ingress.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './nsg-internet-ingress.cases.ts';

run(check, cases);
