// Why a document is checked against its release (schema/versionChoice.ts), shown in the hover over
// `kind` and in the status bar's tooltip.
import type { Fragments } from './template.ts';

export const REASON_FRAGMENTS: Fragments = {
  reason: [
    ['newest bundled ({v}); {r:reasonBase} is not an Istio version', '内置最新版本（{v}）；{r}不是 Istio 版本'],
    ['{r:reasonBase}; Istio {v} is not bundled, so {n} is used', '{r}；未内置 Istio {v}，因此使用 {n}'],
    ['Istio {v}, the release compared', 'Istio {v}（正在比较的版本）'],
    ['the newest bundled release ({v}); set `# istio-version: 1.X` or istioOperator.istioVersion to choose', '内置的最新版本（{v}）；可用 `# istio-version: 1.X` 或 istioOperator.istioVersion 指定'],
    ['{r:reasonBase}', '{r}'],
  ],
  reasonBase: [
    ['the comment `# istio-version: {x}`', '注释 `# istio-version: {x}`'],
    ['the setting istioOperator.istioVersion ({x})', '设置 istioOperator.istioVersion（{x}）'],
    ['spec.tag {x}', 'spec.tag {x}'],
    ['istioctl {x}', 'istioctl {x}'],
  ],
};
