import check from '../../../../src/checks/azure/database/public-network-access.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './public-network-access.cases.ts';

run(check, cases);
