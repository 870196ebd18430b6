// Phrases that diagnostics are built from (validate.ts, the rules, k8s/), each as the engine writes it
// and in Simplified Chinese. A template names a table as `{name:table}`; `{x}` inside a phrase is
// kept as written (a path, a value, a release).
import { upstream, type Fragment, type Fragments } from './template.ts';

/** `a`, `b` and `c` / `a` or `b`: inline code joined by English words, joined in Chinese. */
const codeList: Fragment = (s) => (/^`[^`]+`((, | and | or |, or |, and )`[^`]+`)*$/.test(s)
  ? s.replace(/`([^`]+)`|, (and |or )?| and | or /g, (m, code: string | undefined, word: string | undefined) => {
    if (code !== undefined) return m;
    return word === 'or ' || m === ' or ' ? ' 或 ' : m === ' and ' || word === 'and ' ? ' 和 ' : '、';
  })
  : undefined);

const WORDS: Record<string, string> = { map: '映射（map）', list: '列表', string: '字符串', integer: '整数', number: '数字', boolean: '布尔值', value: '值' };

/** "a map", "an integer or a string", "a string, a number or a boolean" (validate.ts schemaTypeWords). */
const typeWords: Fragment = (s) => {
  const items = s.split(/, | or /).map((w) => /^an? (\w+)$/.exec(w)?.[1]);
  if (!items.length || items.some((w) => w === undefined || !(w in WORDS))) return undefined;
  const zh = items.map((w) => WORDS[w!]);
  return zh.length > 1 ? `${zh.slice(0, -1).join('、')}或${zh[zh.length - 1]}` : zh[0];
};

/**
 * A deprecation note of the schema that is Istio's or Kubernetes' own doc text (the proto comment):
 * kept in English like every field description. The notes this project writes (`Deprecated: use …
 * instead.`, `Removed: …`) are translated by the rows before it and never pass through here.
 */
const upstreamDoc: Fragment = upstream((s) => (/^(Deprecated|Removed): use .* instead/.test(s) ? undefined : s));

export const FRAGMENTS: Fragments = {
  codes: [codeList],
  where: [['the document', '文档根部'], ['`{path}`', '`{path}`']],
  consequence: [['', ''], [' Istio {v} ignores it silently, so this setting has no effect.', 'Istio {v} 会悄悄忽略它，因此此设置不起作用。']],
  guessHint: [['; did you mean `{guess}`?', '；你是不是想写 `{guess}`？'], ['.', '。']],
  range: [['last in {v}', '最后出现在 {v}'], ['added in {v}', '{v} 起才有'], ['only in Istio {r}', '仅存在于 Istio {r}']],
  instead: [['', ''], [': {moved:moved}', '：{moved}']],
  moved: [['use nothing: Mixer is removed in Istio 1.8 instead', '没有替代项：Mixer 已在 Istio 1.8 中移除'], ['use {use:use} instead', '请改用 {use}']],
  use: [
    codeList,
    ['Gateway resources (see samples/multicluster/)', 'Gateway 资源（参见 samples/multicluster/）'],
    ['a PeerAuthentication resource', 'PeerAuthentication 资源'],
    ['custom configuration (the Telemetry API)', '自定义配置（Telemetry API）'],
    ['in-proxy DNS capture (`ISTIO_META_DNS_CAPTURE`)', '代理内的 DNS 捕获（`ISTIO_META_DNS_CAPTURE`）'],
    ['node affinity in the components\' `k8s.affinity`', '各组件 `k8s.affinity` 中的节点亲和性'],
    ['the samples/addons deployments', 'samples/addons 中的部署'],
  ],
  deprecation: [
    ['It may be removed in a later release.', '后续版本可能会移除它。'],
    ['Deprecated: use nothing: Mixer is removed in Istio 1.8 instead.', '已弃用：没有替代项，Mixer 已在 Istio 1.8 中移除。'],
    ['Deprecated: use {use:use} instead.', '已弃用：请改用 {use}。'],
    ['Removed: use {use:use} instead; istioctl {v} rejects `{path}`.', '已移除：请改用 {use}；istioctl {v} 会拒绝 `{path}`。'],
    upstreamDoc,
  ],
  typeWords: [typeWords],
  valueWords: [
    ['a map', '映射（map）'], ['a list', '列表'], ['a value', '值'],
    ['the string {s}', '字符串 {s}'], ['the boolean {b}', '布尔值 {b}'], ['the number {n}', '数字 {n}'], ['`{x}`', '`{x}`'],
  ],
  typeHint: [['', ''], [' Remove the quotes to make it a boolean.', '去掉引号即为布尔值。'], [' Remove the quotes to make it a number.', '去掉引号即为数字。']],
  enumGuess: [['', ''], [' (did you mean `{g}`?)', '（你是不是想写 `{g}`？）']],
  cpuAlt: [['', ''], [' or `{m}m`', ' 或 `{m}m`']],
  noSpaces: [['', ''], [' with no spaces', '（不能有空格）']],
  rcConsequence: [
    ['istioctl skips it while autoscaling is on, so it has no effect: remove it, or set the HPA\'s minReplicas.', '开启自动扩缩容时 istioctl 会跳过它，因此它不起作用：请删除它，或设置 HPA 的 minReplicas。'],
    ['istioctl sets it on the Deployment and the autoscaler then overrides it.', 'istioctl 会把它写到 Deployment 上，随后又会被自动扩缩容覆盖。'],
  ],
  volWho: [['the {kind} `{name}`', '{kind} `{name}`'], ['the component', '该组件']],
  volThing: [['volume', '卷'], ['mount', '挂载']],
  volFix: [['', ''], [' (the quick fix writes it)', '（快速修复会替你写好）']],
  dsAdvice: [
    ['A DaemonSet\'s rollout is `spec.updateStrategy`: set it with a `k8s.overlays` patch.', 'DaemonSet 的滚动更新由 `spec.updateStrategy` 控制：请用 `k8s.overlays` 补丁设置它。'],
    ['A DaemonSet runs one pod per node; remove it.', 'DaemonSet 在每个节点上运行一个 Pod；请删除它。'],
  ],
  through: [['put it under `spec.unvalidatedValues.{path}` (not validated, merged into the chart values), or install with `--force`', '改放到 `spec.unvalidatedValues.{path}` 下（不做校验，会合并进 chart 的 values），或用 `--force` 安装']],
  profileWhy: [
    ['istioctl {v} reads no profile files (from 1.24 `profile` names a built-in profile only): it fails with "profile \\"{p}\\" not found".', 'istioctl {v} 不读取 profile 文件（从 1.24 起 `profile` 只能指定内置 profile）：它会报错 "profile \\"{p}\\" not found"。'],
    ['`{p}` is not a built-in profile of Istio {v}.', '`{p}` 不是 Istio {v} 的内置 profile。'],
  ],
  relHint: [['', ''], ['relative to this file\'s folder or the workspace folder ', '相对于此文件所在文件夹或工作区文件夹']],
  hpaMore: [['', ''], [' Pods, Object and External metrics also name their metric as `metric: {{name: …}}` in v2.', 'v2 中 Pods、Object 和 External 指标也要以 `metric: {{name: …}}` 指定指标名。']],
};
