// `iop-lint init`, run as a real process (the built dist/cli.js): the IstioOperator on stdout, or
// with --out-dir the files it needs; choices a release cannot do, usage errors and files that exist
// exit 2 with the reason on stderr. What the files say per release is test/engine/init.test.ts's.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { iopLint } from '../support/cli.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'iop-init-'));

describe('iop-lint init', () => {
  it('prints the IstioOperator for the release; iop-lint finds nothing wrong in it', () => {
    const r = iopLint(['init', '--istio-version', '1.5', '--hub', 'registry.xxx.local/istio', '--access-logs']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^# Made by iop-lint init \(Istio Operator Tools [^)]+\) with: --istio-version 1\.5 --hub registry\.xxx\.local\/istio --access-logs$/);
    assert.equal(lines[1], '# istio-version: 1.5');
    const doc = YAML.parse(r.stdout);
    assert.equal(doc.kind, 'IstioOperator');
    assert.equal(doc.spec.hub, 'registry.xxx.local/istio');
    assert.equal(doc.spec.values.global.proxy.accessLogFile, '/dev/stdout', '1.5 reads access logs from values (configmap.yaml@1.5.10:30-31)');
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'custom-operator.yml'), r.stdout);
    const lint = iopLint(['--strict', path.join(dir, 'custom-operator.yml')]);
    assert.equal(lint.status, 0, lint.stdout + lint.stderr);
    assert.match(lint.stderr, /0 errors, 0 warnings in 1 file/);
  });

  it('on stdout, names the other files the choice needs on stderr', () => {
    const r = iopLint(['init', '--istio-version', '1.22', '--monitoring', 'kube-prometheus', '--tracing', 'opentelemetry', '--sampling', '10']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(YAML.parseAllDocuments(r.stdout).length, 1, 'only the IstioOperator on stdout');
    assert.match(r.stderr, /also needs prometheus-operator\.yaml .* and telemetry\.yaml .*--out-dir DIR/);
    assert.match(r.stderr, /Only HTTP\/1\.1, HTTP\/2 and gRPC calls are traced/);
  });

  it('--out-dir writes custom-operator.yml, prometheus-operator.yaml and telemetry.yaml, and refuses to overwrite them without --force', () => {
    const dir = path.join(tmp(), 'new');
    const args = ['init', '--istio-version', '1.26', '--monitoring', 'kube-prometheus', '--tracing', 'zipkin', '--sampling', '5', '--egress', '--out-dir', dir];
    const r = iopLint(args);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['custom-operator.yml', 'prometheus-operator.yaml', 'telemetry.yaml']);
    for (const name of ['custom-operator.yml', 'prometheus-operator.yaml', 'telemetry.yaml']) assert.match(r.stderr, new RegExp(`wrote ${path.join(dir, name).replace(/[.\\/]/g, '\\$&')}`));
    const operator = YAML.parse(fs.readFileSync(path.join(dir, 'custom-operator.yml'), 'utf8'));
    assert.deepEqual(operator.spec.meshConfig.extensionProviders, [{ name: 'zipkin', zipkin: { service: 'zipkin.istio-system.svc.cluster.local', port: 9411 } }]);
    assert.deepEqual(operator.spec.components.egressGateways, [{ name: 'istio-egressgateway', enabled: true }]);
    const monitors = YAML.parseAllDocuments(fs.readFileSync(path.join(dir, 'prometheus-operator.yaml'), 'utf8')).map((d) => d.toJS());
    assert.deepEqual(monitors.map((m) => `${m.kind}/${m.metadata.name}`), ['PodMonitor/envoy-stats-monitor', 'ServiceMonitor/istio-component-monitor']);
    const telemetry = YAML.parse(fs.readFileSync(path.join(dir, 'telemetry.yaml'), 'utf8'));
    assert.equal(telemetry.apiVersion, 'telemetry.istio.io/v1');
    assert.equal(telemetry.spec.tracing[0].randomSamplingPercentage, 5);
    const lint = iopLint(['--strict', dir]);
    assert.equal(lint.status, 0, lint.stdout + lint.stderr);

    fs.writeFileSync(path.join(dir, 'custom-operator.yml'), 'mine\n');
    const again = iopLint(args);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /custom-operator\.yml, .*prometheus-operator\.yaml, .*telemetry\.yaml already exist; nothing was written\. Use --force/);
    assert.equal(fs.readFileSync(path.join(dir, 'custom-operator.yml'), 'utf8'), 'mine\n', 'left as it was');
    const forced = iopLint([...args, '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stderr, /custom-operator\.yml \(overwritten\)/);
    assert.match(fs.readFileSync(path.join(dir, 'custom-operator.yml'), 'utf8'), /^# Made by iop-lint init/);
  });

  it('a choice the release cannot do exits 2 with the reason: OpenTelemetry before 1.16, a profile it does not have', () => {
    const otel = iopLint(['init', '--istio-version', '1.12', '--tracing', 'opentelemetry']);
    assert.equal(otel.status, 2);
    assert.equal(otel.stdout, '');
    assert.match(otel.stderr, /^iop-lint init: Istio 1\.12 cannot do that: OpenTelemetry tracing needs the `opentelemetry` extension provider/);
    const profile = iopLint(['init', '--istio-version', '1.10', '--profile', 'ambient']);
    assert.equal(profile.status, 2);
    assert.match(profile.stderr, /Istio 1\.10 has no built-in profile `ambient`/);
  });

  it('usage errors exit 2: no release, an unknown choice, a bad number, contradicting flags, --force alone', () => {
    const cases: Array<[string[], RegExp]> = [
      [['init'], /name the release: --istio-version 1\.X/],
      [['init', '--istio-version', '1.40'], /Istio 1\.40 is not bundled/],
      [['init', '--istio-version', '1.20', '--tracing', 'jaeger'], /unknown --tracing `jaeger`; use zipkin or opentelemetry/],
      [['init', '--istio-version', '1.20', '--monitoring', 'datadog'], /unknown --monitoring `datadog`/],
      [['init', '--istio-version', '1.20', '--tracing', 'zipkin', '--sampling', 'lots'], /--sampling `lots` is not a number/],
      [['init', '--istio-version', '1.20', '--ingress', '--no-ingress'], /contradict/],
      [['init', '--istio-version', '1.20', '--force'], /--force only applies with --out-dir/],
      [['init', '--istio-version', '1.20', '--bogus'], /unknown option `--bogus`/],
    ];
    for (const [args, message] of cases) {
      const r = iopLint(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.match(r.stderr, /iop-lint init --help/);
    }
  });

  it('--help describes the command; iop-lint --help lists it', () => {
    const help = iopLint(['init', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: iop-lint init --istio-version 1\.X/);
    assert.match(help.stdout, /Only HTTP\/1\.1, HTTP\/2 and gRPC calls are traced by the mesh/);
    assert.match(iopLint(['--help']).stdout, /iop-lint init --istio-version 1\.X .*\(iop-lint init --help\)/);
  });
});
