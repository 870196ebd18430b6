// The rules that keep the client safe, checked on its source and manifest: no shell anywhere, no
// vscode in the parts tests run, tool paths never from a workspace, no command in an untrusted
// workspace, no secret in the output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lineRedactor, redact, redactLine } from '../../client/src/redact.ts';
import { repoRoot } from './helpers.ts';

const src = path.join(repoRoot, 'client/src');
const files = fs.readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
const read = (f: string) => fs.readFileSync(path.join(src, f), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
/** The English of a manifest string: `%key%` placeholders are read from package.nls.json. */
const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const english = (s: string) => s.replace(/^%([^%]+)%$/, (_, k: string) => nls[k] ?? s);

describe('the client source', () => {
  it('starts processes only in run.ts, with spawn and never a shell', () => {
    for (const f of files) {
      const text = read(f);
      if (f !== 'run.ts') assert.doesNotMatch(text, /from 'node:child_process'|require\(['"]child_process/, `${f} starts processes`);
      assert.doesNotMatch(text, /(?<!\.)\bexec(Sync)?\(|execFileSync|shell:\s*true/, `${f} uses a shell`);
    }
    assert.match(read('run.ts'), /shell: false/);
  });
  it('keeps vscode out of the modules tests run without VS Code', () => {
    for (const f of ['run.ts', 'istioctl.ts', 'execute.ts', 'detect.ts', 'tempDir.ts', 'iopFile.ts', 'bundledIndex.ts', 'liveObjects.ts', 'redact.ts', 'defaultsCache.ts', 'statusText.ts']) {
      assert.doesNotMatch(read(f), /from 'vscode'/, f);
    }
  });
  it('reads the tool paths only from the user/machine value', () => {
    const settings = read('settings.ts');
    assert.match(settings, /inspect<string>\(key\)\?\.globalValue/);
    assert.doesNotMatch(settings, /get<string>\('(istioctl|kubectl)Path'/);
  });
  it('checks workspace trust before any command runs a tool', () => {
    assert.match(read('commands/shared.ts'), /if \(vscode\.workspace\.isTrusted\) return true;/);
    assert.match(read('istioctlTracker.ts'), /if \(!vscode\.workspace\.isTrusted\) return/);
    // Commands that only read (the version picker, the effective configuration) run no tool.
    const readOnly = ['commands/selectVersion.ts', 'commands/showEffective.ts', 'commands/checkUpgrade.ts', 'commands/copyFlags.ts', 'commands/pasteFlags.ts', 'commands/newOperator.ts'];
    for (const f of readOnly) assert.doesNotMatch(read(f), /from '\.\.\/(execute|run|istioctl)\.ts'|executeSteps|runWithProgress/, `${f} runs no tool`);
    for (const f of files.filter((x) => x.startsWith('commands/') && !['commands/shared.ts', 'commands/index.ts', ...readOnly].includes(x))) {
      assert.match(read(f), /begin(Plan)?\(|checkTrusted\(/, `${f} goes through the trust check`);
    }
  });
  it('never writes to the user\'s file on disk; only the edits the user asks for change the open buffer (undoable)', () => {
    for (const f of files) assert.doesNotMatch(read(f), /writeFile(Sync)?\((target|session)|\.edit\(/, f);
    // The components view's "Set in File" and "Paste --set Flags as YAML": each an explicit command.
    const editing = files.filter((f) => /WorkspaceEdit/.test(read(f)));
    assert.deepEqual(editing.sort(), ['commands/pasteFlags.ts', 'componentsView.ts']);
    assert.match(read('componentsView.ts'), /private async setInFile\(/, 'the view edits only in its Set in File command');
    // A new file never replaces one without asking.
    assert.match(read('commands/newOperator.ts'), /showWarningMessage\(vscode\.l10n\.t\('Replace \{files\} in \{folder\}\?', \{ files: existing/);
  });
});

describe('the manifest', () => {
  it('makes the tool paths machine-scoped and restricts them, kubeconfig and context in untrusted workspaces', () => {
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['istioOperator.istioctlPath'].scope, 'machine');
    assert.equal(props['istioOperator.kubectlPath'].scope, 'machine');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.sort(), ['istioOperator.context', 'istioOperator.istioctlPath', 'istioOperator.kubeconfig', 'istioOperator.kubectlPath']);
  });
  it('declares every setting with a scope and a markdownDescription', () => {
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), ['istioOperator.commandTimeoutSeconds', 'istioOperator.context', 'istioOperator.istioVersion', 'istioOperator.istioctlPath', 'istioOperator.kubeconfig', 'istioOperator.kubectlPath', 'istioOperator.maxFileSizeKb', 'istioOperator.trace.server']);
    for (const [k, v] of Object.entries<any>(props)) {
      assert.ok(v.scope, `${k} scope`);
      assert.ok(v.markdownDescription, `${k} markdownDescription`);
    }
    assert.deepEqual(props['istioOperator.istioVersion'].enum, ['auto', ...Array.from({ length: 26 }, (_, i) => `1.${i + 5}`)]);
    assert.equal(props['istioOperator.commandTimeoutSeconds'].default, 600);
    assert.deepEqual(props['istioOperator.trace.server'].enum, ['off', 'messages', 'verbose']);
  });
  it('puts every command in category Istio, and the file commands behind the IstioOperator context key', () => {
    const ids = pkg.contributes.commands.map((c: any) => c.command);
    for (const c of pkg.contributes.commands) assert.equal(english(c.category), 'Istio');
    for (const id of ['apply', 'diffCluster', 'diffProfile', 'uninstall', 'upgrade', 'generateManifest', 'verifyInstall', 'refreshDefaults', 'selectVersion']) assert.ok(ids.includes(`istioOperator.${id}`), id);
    for (const m of pkg.contributes.menus.commandPalette) assert.equal(m.when, 'istioOperator.isIstioOperatorFile');
    for (const where of ['editor/title', 'editor/context']) assert.match(pkg.contributes.menus[where][0].when, /yaml && istioOperator\.isIstioOperatorFile/);
    const registered = read('commands/index.ts');
    for (const id of ids) assert.ok(registered.includes(`'${id}'`), `${id} is registered`);
  });
  it('activates on YAML', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:yaml']);
  });
});

describe('redaction of secrets', () => {
  it('drops kubeconfig credentials, bearer tokens and JWTs', () => {
    assert.equal(redactLine('    token: abcdef0123456789'), '    token: <redacted>');
    assert.equal(redactLine('client-key-data: LS0tLS1CRUdJTi'), 'client-key-data: <redacted>');
    assert.equal(redactLine('"client-certificate-data": "LS0t"'), '"client-certificate-data": <redacted>');
    assert.equal(redactLine('password=hunter2 user=x'), 'password=<redacted> user=x');
    assert.equal(redactLine('Authorization: Bearer abcdefghijklmnop'), 'Authorization: Bearer <redacted>');
    assert.equal(redactLine('got eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJlc2ln here'), 'got <redacted token> here');
    assert.equal(redactLine('✔ Istiod installed'), '✔ Istiod installed');
  });
  it('drops PEM blocks, also when they arrive a line at a time', () => {
    assert.equal(redact('a\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\nb'), 'a\n<redacted certificate block>\nb');
    const state = { inPem: false };
    assert.equal(redact('-----BEGIN RSA PRIVATE KEY-----', state), '<redacted rsa private key block>');
    assert.equal(redact('MIIEpAIBAAKCAQEA', state), '');
    assert.equal(redact('-----END RSA PRIVATE KEY-----', state), '');
    assert.equal(redact('after', state), 'after');
  });
  it('catches a secret split across two chunks of streamed output, per stream', () => {
    const out: string[] = [];
    const lines = lineRedactor((t) => out.push(t));
    lines.write('0:stderr', 'error: Unauthorized (tok');
    lines.write('0:stdout', 'Removed Deployment:istio-system:istiod.\n');
    lines.write('0:stderr', 'en: abcdef0123456789)\r\nclient-key-data: LS0t');
    lines.write('0:stderr', 'LS1CRUdJTiBSU0E=\n-----BEGIN CERTIFICATE-----\nMIIB');
    lines.write('0:stderr', 'xyz\n-----END CERTIFICATE-----\n✔ done');
    lines.flush();
    assert.deepEqual(out, [
      'Removed Deployment:istio-system:istiod.',
      'error: Unauthorized (token: <redacted>',
      'client-key-data: <redacted>\n<redacted certificate block>',
      '✔ done',
    ]);
    assert.doesNotMatch(out.join('\n'), /abcdef|LS0t|MIIB/);
  });
});
