import check from '../../../../src/checks/gcp/sql/instance-ssl-required.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './instance-ssl-required.cases.ts';

run(check, cases);
