// Hover shows the user's own istioctl's profile defaults once the client sends them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine.ts';

const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  hub: registry.example.com/istio\n';
const hubHover = (engine: Engine) => {
  const h = engine.hover(engine.parse(text), { line: 4, character: 3 });
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
};

test('bundled defaults until istioctl dumps arrive, then the dumps', () => {
  const engine = new Engine();
  assert.match(hubHover(engine), /\*\*Default\*\* in profile `default`: `gcr.io\/istio-testing`/);
  engine.useIstioctlDefaults('1.20.3', '1.20', {
    default: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  hub: docker.io/istio\n  tag: 1.20.3\n',
    demo: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  hub: docker.io/istio\n',
    broken: 'spec: [',
  });
  const md = hubHover(engine);
  assert.match(md, /\*\*Default\*\* in profile `default` \(from your istioctl 1.20.3\): `docker.io\/istio`/);
  assert.doesNotMatch(md, /broken/);
});

test('dumps of another release are not used', () => {
  const engine = new Engine();
  engine.useIstioctlDefaults('1.19.1', '1.19', { default: 'spec:\n  hub: docker.io/istio\n' });
  assert.doesNotMatch(hubHover(engine), /from your istioctl/);
});
