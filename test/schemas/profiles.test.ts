// Istio's own data must be valid against the schema of its own release:
//  - every built-in profile, as the file is and as `istioctl profile dump` shows it (merged over default.yaml);
//  - the golden files of Istio's `istioctl profile dump` tests (profile-dump/input and output).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { profileDumps } from '../../scripts/schema/defaults.ts';
import {
  formatErrors, isIstioOperator, istioData, loadSchema, minors, readYamlDocs, readYamlFile, validate, validateAt,
} from './helpers.ts';

/**
 * Cases where Istio's own data disagrees with its own API, keyed "<minor>/<profile>", with the reason.
 * They still run (as `todo`), so a fix in the schema or the data shows up as a passing todo.
 * None at present: every profile of 1.5–1.30 validates as is and merged.
 */
const KNOWN_PROFILE_ISSUES: Record<string, string> = {};

describe('built-in profiles validate against their release schema', () => {
  for (const minor of minors) {
    describe(`Istio ${minor.version}`, () => {
      let dumps: Map<string, unknown> | undefined;
      const dumpOf = (profile: string) => {
        dumps ??= profileDumps(istioData, minor);
        return dumps.get(profile);
      };

      test('the schema declares these profiles', () => {
        assert.deepEqual(loadSchema(minor.version)['x-istio-profiles'], minor.profiles);
      });

      for (const profile of minor.profiles) {
        const todo = KNOWN_PROFILE_ISSUES[`${minor.version}/${profile}`];
        test(`${minor.version} profile ${profile}: as is, and merged over default.yaml`, todo ? { todo } : {}, () => {
          const file = path.join(istioData, minor.version, 'profiles', `${profile}.yaml`);
          const asIs = readYamlFile(file);
          assert.ok(isIstioOperator(asIs), `${file} is not an IstioOperator document`);
          const merged = dumpOf(profile);
          assert.ok(isIstioOperator(merged), `the merged ${profile} profile is not an IstioOperator document`);

          const problems: string[] = [];
          const asIsErrors = validate(minor.version, asIs);
          if (asIsErrors.length) problems.push(`profiles/${profile}.yaml as is:\n${formatErrors(asIsErrors)}`);
          const mergedErrors = validate(minor.version, merged);
          if (mergedErrors.length) problems.push(`${profile} merged over default.yaml:\n${formatErrors(mergedErrors)}`);
          assert.equal(problems.length, 0, `Istio ${minor.version}\n${problems.join('\n')}`);
        });
      }
    });
  }
});

/**
 * Outputs of `istioctl profile dump --config-path P` are the subtree at P, not a whole document.
 * The paths are the ones Istio's profile-dump tests pass for these goldens (operator/cmd/mesh/profile-dump_test.go).
 */
const GOLDEN_CONFIG_PATHS: Record<string, string> = {
  config_path: 'spec.components',
  list_path: 'spec.values.gateways.istio-egressgateway.secretVolumes',
};

/**
 * Inputs Istio's own tests expect `istioctl` to reject, with where the schema must find the problem.
 * pilot_plugin_invalid.yaml: `plugins` is a list of strings; the file gives maps
 * (Istio's test expects "json: cannot unmarshal object into Go value of type string").
 */
const EXPECTED_INVALID: Record<string, { pathPrefix: string; keyword: string }> = {
  pilot_plugin_invalid: { pathPrefix: '/spec/values/pilot/plugins/', keyword: 'type' },
};

describe('profile-dump golden files validate against their release schema', () => {
  for (const minor of minors) {
    const dir = path.join(istioData, minor.version, 'profile-dump');
    if (!fs.existsSync(dir)) continue;
    describe(`Istio ${minor.version}`, () => {
      for (const kind of ['input', 'output'] as const) {
        const sub = path.join(dir, kind);
        if (!fs.existsSync(sub)) continue;
        for (const name of fs.readdirSync(sub).filter((f) => f.endsWith('.yaml')).sort()) {
          const base = name.replace(/\.yaml$/, '');
          const file = path.join(sub, name);
          const invalid = kind === 'input' ? EXPECTED_INVALID[base] : undefined;
          if (invalid) {
            test(`${minor.version} ${kind}/${name} is rejected, as Istio's test expects`, () => {
              const [doc] = readYamlDocs(file);
              const errors = validate(minor.version, doc);
              assert.ok(errors.length > 0, `${file} validated, but Istio's own test expects istioctl to reject it`);
              for (const e of errors) {
                assert.ok(e.instancePath.startsWith(invalid.pathPrefix) && e.keyword === invalid.keyword,
                  `unexpected error for ${file}:\n${formatErrors(errors)}`);
              }
            });
            continue;
          }
          test(`${minor.version} ${kind}/${name} validates`, () => {
            const docs = readYamlDocs(file);
            assert.ok(docs.length > 0, `${file} is empty`);
            for (const [i, doc] of docs.entries()) {
              if (isIstioOperator(doc)) {
                const errors = validate(minor.version, doc);
                assert.equal(errors.length, 0, `${file} (document ${i}):\n${formatErrors(errors)}`);
                continue;
              }
              // Not a whole document: only outputs of --config-path, checked against the schema at that path.
              const configPath = kind === 'output' ? GOLDEN_CONFIG_PATHS[base] : undefined;
              assert.ok(configPath, `${file} (document ${i}) is not an IstioOperator document, and no config path is known for it`);
              const errors = validateAt(minor.version, configPath, doc);
              assert.equal(errors.length, 0, `${file} against the schema at ${configPath}:\n${formatErrors(errors)}`);
            }
          });
        }
      }
    });
  }
});
