// iop-lint in Simplified Chinese: `--lang zh-CN`, or a Chinese shell (LANG, LC_MESSAGES, LC_ALL).
// The diagnostics, the summary and the usage errors are Chinese; codes and JSON keys are not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iopLint } from '../support/cli.ts';

const CJK = /[\u3400-\u9fff]/;
const BROKEN = 'examples/broken/custom-operator.yml';
/** The environment without any locale variable, plus `extra`. */
const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const e = { ...process.env };
  for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE']) delete e[k];
  return { ...e, ...extra };
};

describe('iop-lint --lang zh-CN', () => {
  it('writes the diagnostics and the summary in Chinese, with the same codes and exit status', () => {
    const zh = iopLint(['--lang', 'zh-CN', BROKEN], { env: env() });
    const en = iopLint([BROKEN], { env: env() });
    assert.equal(zh.status, 1);
    assert.equal(en.status, 1);
    const lines = zh.stdout.trim().split('\n');
    assert.equal(lines.length, en.stdout.trim().split('\n').length);
    for (const [i, line] of lines.entries()) {
      const [where, severity, code] = line.split(' ');
      assert.deepEqual([where, severity, code], en.stdout.trim().split('\n')[i].split(' ').slice(0, 3), 'position, severity and code unchanged');
      assert.match(line, CJK, line);
    }
    assert.match(zh.stdout, /error unknown-field 未知字段 `ingresGateways`（在 `spec\.components` 中）；你是不是想写 `ingressGateways`？/);
    assert.equal(zh.stderr, 'iop-lint：1 个文件中共有 5 个错误、0 个警告。\n');
    assert.equal(en.stderr, 'iop-lint: 5 errors, 0 warnings in 1 file.\n');
  });
  it('takes --lang=zh-cn anywhere on the command line, and zh_CN.UTF-8', () => {
    for (const args of [[BROKEN, '--lang=zh-cn'], ['--lang', 'zh_CN.UTF-8', '--format', 'text', BROKEN]]) {
      const r = iopLint(args, { env: env() });
      assert.match(r.stderr, /^iop-lint：1 个文件中共有 5 个错误/, args.join(' '));
    }
  });
  it('localizes the messages in JSON and SARIF too, but not their keys or rule ids', () => {
    const json = JSON.parse(iopLint(['--lang', 'zh-CN', '--format', 'json', BROKEN], { env: env() }).stdout);
    const d = json.files[0].diagnostics.find((x: any) => x.code === 'unknown-field');
    assert.match(d.message, /^未知字段/);
    const sarif = JSON.parse(iopLint(['--lang', 'zh-CN', '--format', 'sarif', BROKEN], { env: env() }).stdout);
    assert.ok(sarif.runs[0].results.every((r: any) => CJK.test(r.message.text) && /^[a-z0-9-]+$/.test(r.ruleId)));
  });
  it('says usage errors in Chinese, exit 2', () => {
    const r = iopLint(['--lang', 'zh-CN', '--format', 'yaml', BROKEN], { env: env() });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'iop-lint：未知格式 `yaml`；请使用 text, json, sarif 之一。\n运行 `iop-lint --help` 查看用法。\n');
    const none = iopLint(['--lang', 'zh-CN'], { env: env() });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /没有给出 PATH/);
    const unknown = iopLint(['--lang', 'zh-CN', '--frobnicate', BROKEN], { env: env() });
    assert.match(unknown.stderr, /^iop-lint：未知选项 `--frobnicate`。/);
    const version = iopLint(['--lang', 'zh-CN', '--istio-version', '1.99', BROKEN], { env: env() });
    assert.match(version.stderr, /^iop-lint：iop-lint 未内置 Istio 1\.99；内置版本：1\.5–1\.30/);
    const missing = iopLint(['--lang', 'zh-CN', 'nope.yaml'], { env: env() });
    assert.match(missing.stderr, /^iop-lint：无法读取 nope\.yaml：/);
  });
  it('refuses a language it does not speak, and a --lang without a value', () => {
    const fr = iopLint(['--lang', 'fr', BROKEN], { env: env() });
    assert.equal(fr.status, 2);
    assert.match(fr.stderr, /^iop-lint: --lang `fr` is not a language iop-lint speaks; use en or zh-CN\./);
    const bare = iopLint([BROKEN, '--lang'], { env: env() });
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /`--lang` needs a value/);
  });
});

describe('iop-lint in a Chinese shell', () => {
  for (const [name, value] of [['LANG', 'zh_CN.UTF-8'], ['LC_MESSAGES', 'zh_CN.UTF-8'], ['LC_ALL', 'zh_CN.utf8']] as const) {
    it(`speaks Chinese with ${name}=${value}`, () => {
      const r = iopLint([BROKEN], { env: env({ [name]: value }) });
      assert.equal(r.status, 1);
      assert.match(r.stdout, /未知字段 `ingresGateways`/);
      assert.equal(r.stderr, 'iop-lint：1 个文件中共有 5 个错误、0 个警告。\n');
    });
  }
  it('lets LC_ALL win over LANG, and --lang en over both', () => {
    assert.match(iopLint([BROKEN], { env: env({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }) }).stderr, /^iop-lint: 5 errors/);
    assert.match(iopLint(['--lang', 'en', BROKEN], { env: env({ LANG: 'zh_CN.UTF-8' }) }).stderr, /^iop-lint: 5 errors/);
    assert.match(iopLint([BROKEN], { env: env({ LANG: 'C.UTF-8' }) }).stderr, /^iop-lint: 5 errors/);
  });
  it('keeps the help text in English and lists --lang', () => {
    const r = iopLint(['--help'], { env: env({ LANG: 'zh_CN.UTF-8' }) });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--lang LANG/);
  });
});
