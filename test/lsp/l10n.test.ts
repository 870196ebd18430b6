// The language server in Simplified Chinese when the client's display language is (VS Code sends
// it as `locale` in initialize): diagnostics, hover labels and quick-fix titles; codes unchanged.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docUri, LspClient } from '../support/lspClient.ts';

const CJK = /[\u3400-\u9fff]/;
const BROKEN = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n  components:\n    ingresGateways: []\n    pilot:\n      enabled: "yes"\n  values:\n    global:\n      outboundTrafficPolicy:\n        mode: ALLOW_ANY\n';

for (const locale of ['zh-cn', 'zh-CN']) {
  describe(`the language server with locale ${locale}`, () => {
    let client: LspClient;
    before(async () => {
      client = new LspClient();
      await client.initialize({ locale, initializationOptions: { diagnosticsDelay: 0 } });
    });
    after(async () => { await client.dispose(); });

    it('publishes diagnostics in Chinese with the same codes', async () => {
      const uri = docUri(`l10n-${locale}.yaml`);
      client.open(uri, BROKEN);
      const { diagnostics } = await client.diagnostics(uri, { version: 1 });
      assert.deepEqual(diagnostics.map((d: any) => d.code).sort(), ['field-not-in-version', 'type', 'unknown-field']);
      for (const d of diagnostics) assert.match(d.message, CJK, d.message);
      const unknown: any = diagnostics.find((d: any) => d.code === 'unknown-field');
      assert.equal(unknown.message, '未知字段 `ingresGateways`（在 `spec.components` 中）；你是不是想写 `ingressGateways`？');
      assert.equal(unknown.data.path, 'spec.components.ingresGateways', 'data is unchanged');
    });

    it('titles the quick fixes in Chinese, the edits unchanged', async () => {
      const uri = docUri(`l10n-${locale}.yaml`);
      const { diagnostics } = await client.diagnostics(uri, { version: 1 });
      const actions = await client.request<any[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 13, character: 0 } },
        context: { diagnostics },
      });
      const titles = actions.map((a) => a.title).sort();
      assert.ok(titles.includes('改为 `ingressGateways`'), titles.join(' | '));
      assert.ok(titles.includes('改为 true'), titles.join(' | '));
      assert.ok(titles.includes('移到 `meshConfig.outboundTrafficPolicy`'), titles.join(' | '));
      const typo = actions.find((a) => a.title === '改为 `ingressGateways`');
      assert.equal(typo.edit.changes[uri][0].newText, 'ingressGateways');
    });

    it('labels the hover in Chinese and leaves Istio\'s own docs as they are', async () => {
      const uri = docUri(`l10n-${locale}.yaml`);
      const hover = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 8 } });
      const text: string = hover.contents.value;
      assert.match(text, /\*\*默认值\*\*/, text);
      assert.match(text, /\*\*Istio 版本\*\*：/, text);
      assert.match(text, /\[Istio 1\.20 参考文档\]\(https:\/\/istio\.io\/v1\.20\//, text);
      assert.doesNotMatch(text, /\*\*Default\*\*|Istio versions|reference\]/, text);
      const kind = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
      assert.match(kind.contents.value, /按 \*\*Istio 1\.20\*\* 检查/, kind.contents.value);
      assert.match(kind.contents.value, /版本依据：注释 `# istio-version: 1\.20`。/, kind.contents.value);
    });
  });
}

describe('the language server without a locale, or with one it does not speak', () => {
  for (const locale of [undefined, 'de', 'zh-tw']) {
    it(`speaks English (${locale ?? 'none'})`, async () => {
      const client = new LspClient();
      try {
        await client.initialize({ locale, initializationOptions: { diagnosticsDelay: 0 } });
        const uri = docUri(`l10n-en-${locale ?? 'none'}.yaml`);
        client.open(uri, BROKEN);
        const { diagnostics } = await client.diagnostics(uri, { version: 1 });
        const unknown: any = diagnostics.find((d: any) => d.code === 'unknown-field');
        assert.equal(unknown.message, 'Unknown field `ingresGateways` in `spec.components`; did you mean `ingressGateways`?');
      } finally {
        await client.dispose();
      }
    });
  }
});
