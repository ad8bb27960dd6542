import check from '../../../../src/checks/azure/storage/blob-public-access.ts';
import { run } from '../../../helpers/rule-tester.ts';
import cases from './blob-public-access.cases.ts';

run(check, cases);
