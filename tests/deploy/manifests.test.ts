import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parseDocument } from 'yaml';

const DEPLOY = path.resolve(import.meta.dirname, '../../deploy');
const read = (file: string) => readFile(path.join(DEPLOY, file), 'utf8');

function yamlOf(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  expect(doc.errors).toEqual([]);
  return doc.toJS();
}

/** systemd unit files: [Section] headers and Key=Value lines (comments and blanks aside). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[([A-Za-z]+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1]!, current);
      return;
    }
    const entry = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(line);
    if (!entry || !current) throw new Error(`line ${i + 1}: not a section header or Key=Value: ${raw}`);
    current.set(entry[1]!, [...(current.get(entry[1]!) ?? []), entry[2]!]);
  });
  return sections;
}

describe('deploy/', () => {
  it('Azure Container Apps job: daily at 00:00 UTC (09:00 JST), user-assigned identity, the store on a volume', async () => {
    const text = await read('azure-container-apps/job.yaml');
    expect(text).toMatch(/09:00 JST.*\n.*"0 0 \* \* \*"/);
    const job = yamlOf(text) as {
      type: string;
      identity: { type: string; userAssignedIdentities: Record<string, unknown> };
      properties: {
        configuration: {
          triggerType: string;
          scheduleTriggerConfig: { cronExpression: string; parallelism: number };
          registries: { identity: string }[];
        };
        template: {
          containers: {
            args: string[];
            env: { name: string; value: string }[];
            volumeMounts: { mountPath: string }[];
          }[];
          volumes: { name: string; storageType: string }[];
        };
      };
    };
    expect(job.type).toBe('Microsoft.App/jobs');
    expect(job.identity.type).toBe('UserAssigned');
    const [identity] = Object.keys(job.identity.userAssignedIdentities);
    expect(identity).toMatch(/\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\//);
    expect(text).toMatch(/--role Reader/);
    const { configuration, template } = job.properties;
    expect(configuration.triggerType).toBe('Schedule');
    expect(configuration.scheduleTriggerConfig).toMatchObject({
      cronExpression: '0 0 * * *',
      parallelism: 1,
    });
    expect(configuration.registries[0]!.identity).toBe(identity);
    const [container] = template.containers;
    expect(container!.args.slice(0, 2)).toEqual(['scan', '--azure']);
    expect(container!.env).toContainEqual({ name: 'KANSA_STORE_URL', value: '/data/history.sqlite' });
    expect(container!.volumeMounts[0]!.mountPath).toBe('/data');
    expect(template.volumes[0]!.storageType).toBe('AzureFile');
  });

  it('Kubernetes CronJob: valid against the Kubernetes schema, workload identity, non-root, one run at a time', async () => {
    const docs = parseAllDocuments(await read('kubernetes/cronjob.yaml')).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJS() as { kind: string };
    });
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'PersistentVolumeClaim', 'CronJob']);
    const [sa, pvc, cron] = docs as [unknown, unknown, unknown];
    const cronJob = new CronJob(cron as ConstructorParameters<typeof CronJob>[0]);
    // kubernetes-models validates against the Kubernetes OpenAPI schema: throws on any violation.
    expect(() => cronJob.validate()).not.toThrow();
    expect(() =>
      new ServiceAccount(sa as ConstructorParameters<typeof ServiceAccount>[0]).validate(),
    ).not.toThrow();
    expect(() =>
      new PersistentVolumeClaim(pvc as ConstructorParameters<typeof PersistentVolumeClaim>[0]).validate(),
    ).not.toThrow();
    // And the validator does reject a broken CronJob (a schedule that is not a string).
    const broken = new CronJob({ ...(cron as object), spec: { ...cronJob.spec!, schedule: 5 as never } });
    expect(() => broken.validate()).toThrow(/schedule/);

    const spec = cronJob.spec!;
    expect(spec).toMatchObject({ schedule: '0 0 * * *', timeZone: 'Etc/UTC', concurrencyPolicy: 'Forbid' });
    const pod = spec.jobTemplate.spec!.template.spec!;
    expect(spec.jobTemplate.spec!.template.metadata?.labels).toMatchObject({
      'azure.workload.identity/use': 'true',
    });
    expect(pod.serviceAccountName).toBe((sa as { metadata: { name: string } }).metadata.name);
    expect((sa as { metadata: { annotations: Record<string, string> } }).metadata.annotations).toHaveProperty(
      'azure.workload.identity/client-id',
    );
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(pod.containers[0]!.volumeMounts?.map((m) => m.mountPath)).toContain('/data');
  });

  it('systemd: a oneshot service and a timer at 09:00 Asia/Tokyo', async () => {
    const service = parseUnit(await read('systemd/kansa-scan.service'));
    expect(service.get('Service')?.get('Type')).toEqual(['oneshot']);
    expect(service.get('Service')?.get('User')).toEqual(['kansa']);
    expect(service.get('Service')?.get('ExecStart')?.[0]).toMatch(/^\/usr\/local\/bin\/kansa scan /);
    expect(service.get('Service')?.get('Environment')).toEqual([
      'KANSA_STORE_URL=/var/lib/kansa/history.sqlite',
    ]);
    const timer = parseUnit(await read('systemd/kansa-scan.timer'));
    expect(timer.get('Timer')?.get('OnCalendar')).toEqual(['*-*-* 09:00:00 Asia/Tokyo']);
    expect(timer.get('Timer')?.get('Persistent')).toEqual(['true']);
    expect(timer.get('Install')?.get('WantedBy')).toEqual(['timers.target']);
  });
});
