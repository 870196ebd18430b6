// `iop-lint flags` and `iop-lint from-flags`, run as real processes: flags on stdout, what no flag
// can write on stderr with exit 3, and the two commands undoing each other.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { cliPath, iopLint } from '../support/cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-flags-'));
const write = (name: string, text: string) => { const p = path.join(dir, name); fs.writeFileSync(p, text); return p; };
const withStdin = (args: string[], input: string) => spawnSync(process.execPath, [cliPath, ...args], { input, encoding: 'utf8', timeout: 30_000 });

const CLEAN = write('clean.yaml', `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  profile: demo
  hub: gcr.io/istio-release
  values:
    global:
      proxy:
        resources:
          requests:
            cpu: 100m
    sidecarInjectorWebhook:
      injectedAnnotations:
        container.apparmor.security.beta.kubernetes.io/istio-proxy: runtime/default
  components:
    ingressGateways:
      - name: istio-ingressgateway
        enabled: true
        k8s:
          service:
            type: NodePort
      - name: second gateway
        enabled: false
`);

describe('iop-lint flags', () => {
  it('prints one --set per value, in file order, quoted for a shell; exit 0 with nothing on stderr', () => {
    const r = iopLint(['flags', '--istio-version', '1.26', CLEAN]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      '--set profile=demo',
      '--set hub=gcr.io/istio-release',
      '--set values.global.proxy.resources.requests.cpu=100m',
      "--set 'values.sidecarInjectorWebhook.injectedAnnotations.container\\.apparmor\\.security\\.beta\\.kubernetes\\.io/istio-proxy=runtime/default'",
      "--set 'components.ingressGateways[0].name=istio-ingressgateway'",
      "--set 'components.ingressGateways[0].enabled=true'",
      "--set 'components.ingressGateways[0].k8s.service.type=NodePort'",
      "--set 'components.ingressGateways[1].name=second gateway'",
      "--set 'components.ingressGateways[1].enabled=false'",
    ]);
  });

  it('round trip through both commands: from-flags gives back the file\'s spec, at 1.5, 1.20 and 1.30', () => {
    for (const v of ['1.5', '1.20', '1.30']) {
      const flags = iopLint(['flags', '--istio-version', v, CLEAN]);
      assert.equal(flags.status, 0, flags.stderr);
      const back = iopLint(['from-flags', '--istio-version', v, write(`flags-${v}.txt`, `istioctl install -y \\\n${flags.stdout.replaceAll('\n', ' \\\n')}`)]);
      assert.equal(back.status, 0, back.stderr);
      assert.deepEqual(YAML.parse(back.stdout, { version: '1.1' }).spec, YAML.parse(fs.readFileSync(CLEAN, 'utf8')).spec, v);
    }
  });

  it('what no flag can write is listed on stderr with the reason and left out; the rest is printed; exit 3', () => {
    const r = iopLint(['flags', 'examples/1.2x/custom-operator.yml']);
    assert.equal(r.status, 3);
    assert.match(r.stdout, /^--set tag=1\.26\.2$/m);
    assert.doesNotMatch(r.stdout, /limits\.cpu/);
    assert.match(r.stderr, /values cannot be written as --set flags for istioctl 1\.26 \(1\.24\+ rules\)/);
    assert.match(r.stderr, /^ {2}components\.ingressGateways\[0\]\.k8s\.resources\.limits\.cpu: istioctl 1\.24\+ reads `2` as the number 2, but the file has the string "2"$/m);
    assert.match(r.stderr, /^ {2}meshConfig\.extensionProviders\[0\]\.opentelemetry\.resourceDetectors\.environment: an empty map/m);
    assert.match(r.stderr, /^ {2}metadata\.name: not settable by --set/m);
  });

  it('tag "1.20": a number to istioctl 1.23 (exit 3), the string itself to 1.24 (map.go@1.24.6:417-424)', () => {
    const file = write('tag.yaml', 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  tag: "1.20"\n');
    const old = iopLint(['flags', '--istio-version', '1.23', file]);
    assert.equal(old.status, 3);
    assert.equal(old.stdout, '');
    assert.match(old.stderr, /tag: istioctl 1\.18–1\.23 reads `1\.20` as the number 1\.2/);
    const now = iopLint(['flags', '--istio-version', '1.24', file]);
    assert.equal(now.status, 0, now.stderr);
    assert.equal(now.stdout, '--set tag=1.20\n');
  });

  it('--config-path prints one subtree, --one-line puts the flags on one line', () => {
    const r = iopLint(['flags', '--istio-version', '1.20', '--config-path', 'components.ingressGateways[0].k8s', '--one-line', CLEAN]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, "--set 'components.ingressGateways[0].k8s.service.type=NodePort'\n");
    assert.match(r.stderr, /by position/);
    const missing = iopLint(['flags', '--config-path', 'components.nope', CLEAN]);
    assert.equal(missing.status, 3);
    assert.match(missing.stderr, /components\.nope: nothing is set at this path/);
  });

  it('usage, read and parse problems exit 2 with the reason', () => {
    assert.equal(iopLint(['flags']).status, 2);
    assert.match(iopLint(['flags', '--bogus', CLEAN]).stderr, /unknown option `--bogus`/);
    assert.match(iopLint(['flags', path.join(dir, 'none.yaml')]).stderr, /cannot read/);
    const bad = iopLint(['flags', write('bad.yaml', 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  hub: [unclosed\n')]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad\.yaml:\d+:\d+: /);
    assert.match(iopLint(['flags', write('cm.yaml', 'kind: ConfigMap\n')]).stderr, /holds no IstioOperator/);
    assert.match(iopLint(['flags', '--help']).stdout, /Exit status: 0 every value written, 3/);
  });
});

describe('iop-lint from-flags', () => {
  const LINE = "istioctl install -f mine.yaml \\\n  --set profile=demo --set=values.global.tag=1.20 \\\n  -s 'values.global.proxy.resources.requests.cpu=100m'\n";

  it('reads a pasted command line from stdin and prints the IstioOperator; -f files named on stderr', () => {
    const r = withStdin(['from-flags', '--istio-version', '1.24'], LINE);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(YAML.parse(r.stdout, { version: '1.1' }), {
      apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator',
      spec: { profile: 'demo', values: { global: { tag: '1.20', proxy: { resources: { requests: { cpu: '100m' } } } } } },
    });
    assert.match(r.stderr, /-f mine\.yaml: not read/);
  });

  it('types values as the release does: values.global.tag=1.20 is the number 1.2 in 1.20, with a note', () => {
    const r = withStdin(['from-flags', '--istio-version', '1.20', '-'], LINE);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(YAML.parse(r.stdout).spec.values.global.tag, 1.2);
    assert.match(r.stderr, /reads `1\.20` as the number 1\.2/);
  });

  it('without --istio-version, the release `--set tag=` names (the engine\'s version choice), else the newest', () => {
    const tagged = withStdin(['from-flags'], '--set tag=1.22.3 --set values.global.hub=10');
    assert.equal(tagged.status, 0, tagged.stderr);
    assert.match(tagged.stderr, /as istioctl 1\.22 reads them/);
    const plain = withStdin(['from-flags'], '--set profile=minimal');
    assert.match(plain.stderr, /as istioctl 1\.30 reads them/);
  });

  it('flags istioctl would reject are left out with the reason (exit 3); no --set at all is exit 2', () => {
    const r = withStdin(['from-flags', '--istio-version', '1.20'], '--set values.a=b=c --set profile=demo --set components.ingressGateways[name:x].enabled=true');
    assert.equal(r.status, 3);
    assert.equal(YAML.parse(r.stdout).spec.profile, 'demo');
    assert.match(r.stderr, /--set values\.a=b=c: istioctl 1\.18–1\.23 rejects it/);
    assert.match(r.stderr, /\[name:x\]` selects an entry of the list `spec\.components\.ingressGateways`, and there is none/);
    const none = withStdin(['from-flags'], 'istioctl install -y\n');
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no --set flag/);
  });
});
