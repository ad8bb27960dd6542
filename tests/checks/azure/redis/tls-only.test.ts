import check from '../../../../src/checks/azure/redis/tls-only.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './tls-only.cases.ts';

run(check, cases);
