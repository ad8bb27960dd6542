// The fake Azure in a worker thread, so that a benchmark's client and server do not share one
// event loop (on a real network they do not). Messages: the parent sends the scenario size and
// fake options; the worker answers `{endpoint, ca}`, then `accounting` on request, and stops.
import { parentPort, workerData } from 'node:worker_threads';
import { generateScenario, type ScenarioSize } from './scenario.ts';
import { FakeAzure, type FakeAzureOptions } from './server.ts';

export interface WorkerInput {
  readonly size: ScenarioSize;
  readonly options: Omit<FakeAzureOptions, 'scenario' | 'fault'>;
}

if (parentPort) {
  const port = parentPort;
  const { size, options } = workerData as WorkerInput;
  const fake = await new FakeAzure({ scenario: generateScenario(size), ...options }).start();
  port.on('message', async (message: string) => {
    if (message === 'accounting') port.postMessage({ accounting: fake.accounting });
    if (message === 'stop') {
      await fake.stop();
      port.close();
    }
  });
  port.postMessage({ endpoint: fake.endpoint, ca: fake.ca });
}
