import check from '../../../../src/checks/common/classification/closed-network.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './closed-network.cases.ts';

run(check, cases);
