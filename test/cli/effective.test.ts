// `iop-lint effective`, run as a real process: the effective IstioOperator on stdout, exit 0;
// read and parse problems on stderr, exit 2.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { iopLint } from '../support/cli.ts';

describe('iop-lint effective', () => {
  it('prints the profile with the file merged over it, as YAML that parses back', () => {
    const r = iopLint(['effective', 'examples/1.5/custom-operator.yml']);
    assert.equal(r.status, 0, r.stderr);
    const out = YAML.parse(r.stdout);
    assert.equal(out.kind, 'IstioOperator');
    assert.equal(out.spec.profile, 'default');
    assert.equal(out.spec.hub, 'registry.xxx.local/istio', 'the file\'s hub');
    assert.equal(out.spec.components.base.enabled, true, 'the profile\'s base');
  });

  it('--config-path prints one subtree; --origins says where each value comes from', () => {
    const r = iopLint(['effective', '--config-path', 'components.pilot', '--origins', 'examples/1.5/custom-operator.yml']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^enabled: true # this file$/m);
    assert.match(r.stdout, /# profile default$/m);
    assert.match(r.stdout, /# this file$/m);
  });

  it('1.21+: the charts\' defaults under values, marked; --no-chart-defaults leaves them out', () => {
    const r = iopLint(['effective', '--istio-version', '1.26', '--config-path', 'values.global.proxy', '--origins', 'examples/1.2x/custom-operator.yml']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^image: proxyv2 # chart istio-discovery$/m);
    const bare = iopLint(['effective', '--istio-version', '1.26', '--no-chart-defaults', 'examples/1.2x/custom-operator.yml']);
    assert.equal(bare.status, 0, bare.stderr);
    assert.equal(YAML.parse(bare.stdout).spec.values.global?.proxy?.image, undefined);
  });

  it('a file that does not parse, a path that is not set, and a missing file exit 2 with the reason', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-effective-'));
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  hub: [unclosed\n');
    const parse = iopLint(['effective', bad]);
    assert.equal(parse.status, 2);
    assert.match(parse.stderr, /bad\.yaml:\d+:\d+: /);
    const unset = iopLint(['effective', '--config-path', 'components.nope', 'examples/1.5/custom-operator.yml']);
    assert.equal(unset.status, 2);
    assert.match(unset.stderr, /`components\.nope` is not set in the effective configuration/);
    const missing = iopLint(['effective', path.join(dir, 'none.yaml')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read/);
    assert.equal(iopLint(['effective']).status, 2);
  });
});
