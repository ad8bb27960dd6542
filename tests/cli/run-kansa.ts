import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { runCommand } from '../../src/cli/main.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLE = path.join(ROOT, 'fixtures/sample-tenancy');
const BIN = path.join(ROOT, 'bin/kansa.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The locale of every run: English messages unless a test's env says otherwise. */
const LOCALE = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** Starts the real CLI in a child process. */
export function spawnKansa(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  nodeArgs: readonly string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...LOCALE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Runs the real CLI in a child process to its end and collects its exit code and output: for
 * what only a process shows (signals, Node's flags, crash handlers, stdout as a file). Else
 * kansaHere, a fifth of the time.
 */
export function kansa(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  nodeArgs: readonly string[] = [],
): Promise<Run> {
  return finished(spawnKansa(args, env, nodeArgs));
}

export function finished(child: ChildProcess): Promise<Run> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}

/** In-process runs, one after the other: stdout, stderr and the environment are the worker's. */
let previousRun: Promise<unknown> = Promise.resolve();

/**
 * Runs one command of the CLI in this test worker (runCommand of src/cli/main.ts) with the
 * child's environment and locale, and collects its exit code and output as `kansa` does. The
 * worker's modules stay loaded between runs: no Node start, no module loading per command.
 * Runs started together run one after the other (each takes process.stdout and stderr for
 * itself); the environment and the streams are put back after each.
 */
export function kansaHere(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const run = previousRun.then(() => runHere(args, env));
  previousRun = run.catch(() => undefined);
  return run;
}

async function runHere(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const restore = [
    setEnv({ ...LOCALE, ...env }),
    capture(process.stdout, stdout),
    capture(process.stderr, stderr),
  ];
  const listeners = processListeners();
  try {
    const code = await runCommand(args, {
      error: undefined,
      settled: () => new Promise((resolve) => setImmediate(resolve)),
    });
    // What a command leaves on the process would reach the next test file in this worker.
    const left = [...processListeners()].filter(([event, count]) => count > (listeners.get(event) ?? 0));
    if (left.length > 0) {
      throw new Error(`kansa ${args.join(' ')} left process listeners: ${left.map(([e]) => String(e))}`);
    }
    if (process.exitCode !== undefined) throw new Error(`kansa ${args.join(' ')} set process.exitCode`);
    return {
      code,
      signal: null,
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
    };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

/** How many listeners the process has, per event. */
function processListeners(): Map<string | symbol, number> {
  return new Map(process.eventNames().map((event) => [event, process.listenerCount(event)]));
}

/** Sets the variables (undefined unsets one) and returns what puts the previous values back. */
function setEnv(env: NodeJS.ProcessEnv): () => void {
  const previous = Object.entries(env).map(([name]) => [name, process.env[name]] as const);
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

type WriteCallback = (error?: Error | null) => void;

/** Takes what is written to the stream into `chunks`; returns what gives the stream back. */
function capture(stream: NodeJS.WriteStream, chunks: Buffer[]): () => void {
  const own = Object.hasOwn(stream, 'write');
  const write = stream.write;
  stream.write = ((
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | WriteCallback,
    callback?: WriteCallback,
  ) => {
    chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
        : Buffer.from(chunk),
    );
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  }) as typeof stream.write;
  return () => {
    if (own) stream.write = write;
    else delete (stream as { write?: unknown }).write;
  };
}
