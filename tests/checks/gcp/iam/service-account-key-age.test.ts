import check from '../../../../src/checks/gcp/iam/service-account-key-age.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './service-account-key-age.cases.ts';

run(check, cases);
