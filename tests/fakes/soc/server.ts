import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { makeCertificates } from '../azure/tls.ts';

/**
 * One HTTPS server on 127.0.0.1 that speaks the wire formats of the four SOC destinations:
 * Splunk HEC (`/services/collector/event`, `/services/collector/ack`), the Azure Monitor Logs
 * Ingestion API (`/dataCollectionRules/{id}/streams/{stream}`, gzip), Security Hub's
 * `BatchImportFindings` (`POST /findings/import`, REST-JSON) and a signed webhook. Faults are
 * queued per request and injected in order: 429 with Retry-After, 500, a 413, an answer that
 * never comes, and a connection reset after the body was received (the duplicate case).
 */
export type Fault =
  | { readonly status: number; readonly retryAfter?: string; readonly body?: string }
  | 'hang'
  | 'reset-after-body';

export interface Received {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** Whether the request was answered with success (a reset or a fault means the client does not know). */
  readonly answered: boolean;
  /** Whether the service took the records (also when the answer was then lost to a reset). */
  readonly accepted: boolean;
}

export class FakeSoc {
  readonly ca: string;
  readonly received: Received[] = [];
  readonly faults: Fault[] = [];
  /** Webhook batches taken, by Idempotency-Key: a retry of a batch already taken is dropped. */
  readonly webhookBatches = new Map<string, string>();
  /** Maximum body size accepted (413 past it). */
  maxBodyBytes = 4 * 1024 * 1024;
  /** Added before each answer: a service's round trip, for benchmarks. */
  latencyMs = 0;
  #server: Server;
  #nextAck = 0;
  readonly #hanging = new Set<ServerResponse>();

  private constructor(server: Server, ca: string) {
    this.#server = server;
    this.ca = ca;
  }

  static async start(): Promise<FakeSoc> {
    const certs = makeCertificates();
    let fake: FakeSoc | undefined;
    const server = createServer({ key: certs.key, cert: certs.cert }, (req, res) => fake?.handle(req, res));
    fake = new FakeSoc(server, certs.ca);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `https://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Bodies of the requests to a path that the service took, decoded (gzip for the Logs Ingestion API). */
  bodies(pathPrefix: string): string[] {
    return this.received.filter((r) => r.accepted && r.path.startsWith(pathPrefix)).map((r) => r.body);
  }

  async stop(): Promise<void> {
    for (const res of this.#hanging) res.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body =
        req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
      const path = new URL(req.url ?? '/', 'https://fake').pathname;
      const fault = path.endsWith('/ack') ? undefined : this.faults.shift();
      if (fault === 'hang') {
        this.#hanging.add(res);
        this.received.push({ path, headers: req.headers, body, answered: false, accepted: false });
        return;
      }
      if (fault === 'reset-after-body') {
        // The receiver took the batch, but the answer never reaches the client.
        this.accept(path, req, body);
        this.received.push({ path, headers: req.headers, body, answered: false, accepted: true });
        req.socket.destroy();
        return;
      }
      if (fault) {
        this.received.push({ path, headers: req.headers, body, answered: false, accepted: false });
        res.writeHead(fault.status, {
          'content-type': 'application/json',
          ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
        });
        res.end(
          fault.body ?? JSON.stringify({ error: { code: 'Injected', message: `injected ${fault.status}` } }),
        );
        return;
      }
      if (raw.length > this.maxBodyBytes) {
        this.received.push({ path, headers: req.headers, body, answered: false, accepted: false });
        res.writeHead(413).end('{"text":"Content too large"}');
        return;
      }
      const answer = this.accept(path, req, body);
      const accepted = answer.status < 300;
      this.received.push({ path, headers: req.headers, body, answered: accepted, accepted });
      const reply = () =>
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      if (this.latencyMs > 0) setTimeout(reply, this.latencyMs);
      else reply();
    });
  }

  /** What each destination's service answers to a request it takes. */
  private accept(path: string, req: IncomingMessage, body: string): { status: number; body: string } {
    if (path === '/services/collector/event') {
      if (!String(req.headers.authorization).startsWith('Splunk '))
        return { status: 401, body: '{"text":"Token is required","code":2}' };
      return { status: 200, body: JSON.stringify({ text: 'Success', code: 0, ackId: this.#nextAck++ }) };
    }
    if (path === '/services/collector/ack') {
      const acks = (JSON.parse(body) as { acks: number[] }).acks;
      return {
        status: 200,
        body: JSON.stringify({ acks: Object.fromEntries(acks.map((id) => [String(id), true])) }),
      };
    }
    if (path.startsWith('/dataCollectionRules/')) {
      if (!String(req.headers.authorization).startsWith('Bearer ')) return { status: 401, body: '{}' };
      return { status: 204, body: '' };
    }
    if (path === '/findings/import') {
      const findings = (JSON.parse(body) as { Findings: { Id: string; Title?: string }[] }).Findings;
      const failed = findings.filter((f) => f.Title === 'REFUSE');
      return {
        status: 200,
        body: JSON.stringify({
          FailedCount: failed.length,
          SuccessCount: findings.length - failed.length,
          FailedFindings: failed.map((f) => ({
            Id: f.Id,
            ErrorCode: 'InvalidInput',
            ErrorMessage: 'Title is refused',
          })),
        }),
      };
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!this.webhookBatches.has(key)) this.webhookBatches.set(key, body);
    return { status: 202, body: '{}' };
  }
}
