// The k8s.overlays checks' messages (overlays/overlayChecks.ts, overlayValues.ts), by code, and the
// phrases they are built from. istioctl's own error texts ("…") and the source citations stay.
import type { Fragment, Fragments } from './template.ts';
import type { Row } from './diagnostics.zh-cn.ts';

/** overlayChecks.ts listNames: "`a`, `b`, … (20 in all)". */
const names: Fragment = (s) => {
  const m = /^((?:`[^`]+`(?:, )?)+)(?:, … \((\d+) in all\))?$/.exec(s);
  if (!m) return undefined;
  const list = m[1].replace(/`, `/g, '`、`');
  return m[2] ? `${list}、…（共 ${m[2]} 个）` : list;
};

const DESCRIBE: Array<readonly [string, string]> = [
  ['a string', '字符串'], ['an integer', '整数'], ['a number', '数字'], ['a boolean', '布尔值'],
  ['a quantity (`100m`, `1Gi`)', '数量（`100m`、`1Gi`）'], ['an integer or a string', '整数或字符串'], ['a time (RFC 3339)', '时间（RFC 3339）'],
  ['an object ({t})', '对象（{t}）'], ['a map', '映射'], ['a list', '列表'], ['any value', '任意值'],
];

const identity: Fragment = (s) => s;

export const OVERLAY_FRAGMENTS: Fragments = {
  ovNames: [names],
  ovDescribe: DESCRIBE,
  ovJson: [['a map', '映射'], ['a list', '列表'], ['a string', '字符串'], ['an integer', '整数'], ['a number', '数字'], ['a boolean', '布尔值'], ['null', '空值（null）']],
  ovPlural: [
    ['strings', '字符串'], ['integers', '整数'], ['numbers', '数字'], ['booleans', '布尔值'], ['quantity (`100m`, `1Gi`)s', '数量（`100m`、`1Gi`）'],
    ['integer or a strings', '整数或字符串'], ['time (RFC 3339)s', '时间（RFC 3339）'], ['object ({t})s', '对象（{t}）'], ['maps', '映射'], ['lists', '列表'], ['any values', '任意值'],
  ],
  ovShape: [['an object ({t})', '对象（{t}）'], ['a map', '映射']],
  ovParent: [['(the object)', '（对象本身）'], identity],
  ovItems: [['maps', '映射'], identity],
  ovWhy: [
    ['the `{p}` profile\'s {g} is not enabled', '`{p}` profile 中的 {g} 未启用'],
    ['a gateway is rendered only with `enabled: true`{more:ovGatewayMore}', '网关只有在 `enabled: true` 时才会渲染{more}'],
    ['the `{p}` profile disables it', '`{p}` profile 禁用了它'],
    ['only `enabled: true` renders it and the `{p}` profile does not set that', '只有 `enabled: true` 才会渲染它，而 `{p}` profile 没有这样设置'],
  ],
  ovGatewayMore: [['', ''], [' (the `{p}` profile has no gateway {g} to take it from)', '（`{p}` profile 中没有可供继承的网关 {g}）']],
  ovNoChart: [
    ['its chart ({chart}) is not part of Istio {v}', '它的 chart（{chart}）不属于 Istio {v}'],
    ['istioctl renders addon components only up to 1.8', 'istioctl 只在 1.8 及以前渲染插件（addon）组件'],
    ['istioctl has no chart for it', 'istioctl 没有对应的 chart'],
  ],
  ovSubject: [['(no kind) `(no name)`', '（没有 kind）`（没有名称）`'], ['(no kind) `{n}`', '（没有 kind）`{n}`'], ['{k} `(no name)`', '{k} `（没有名称）`'], ['{k} `{n}`', '{k} `{n}`']],
  ovFirst: [
    ['istioctl {v} fails: {kind:word} `{name}` is rendered without a namespace, and 1.5 matches an overlay by kind, the component\'s namespace and name ({src}; objects.go@1.5.10:76-83 drops the namespace only for {kinds}).',
      'istioctl {v} 会失败：{kind} `{name}` 渲染时没有命名空间，而 1.5 按 kind、组件的命名空间和名称匹配 overlay（{src}；objects.go@1.5.10:76-83 只对 {kinds} 去掉命名空间）。'],
    ['istioctl {v} fails: "{istio}" ({src}): {label} renders no {subject:ovSubject}.', 'istioctl {v} 会失败："{istio}"（{src}）：{label} 没有渲染 {subject}。'],
    ['This overlay does nothing: istioctl {v} patches only what {label} renders, matched by kind and name, and says nothing when nothing matches ({src}); {label} renders no {subject:ovSubject}.',
      '此 overlay 不起作用：istioctl {v} 只对 {label} 渲染出的对象打补丁（按 kind 和名称匹配），没有匹配时也不会提示（{src}）；{label} 没有渲染 {subject}。'],
  ],
  ovSecond: [
    ['', ''],
    [' Its {kind:word} is {names:ovNames}.', '它的 {kind} 是 {names}。'],
    [' Its {kind:word} resources are {names:ovNames}.', '它的 {kind} 资源有 {names}。'],
    [' Kinds are matched exactly: write `{k}`.', 'kind 须完全一致（区分大小写）：请写 `{k}`。'],
    [' It renders {kinds:ovNames}.', '它渲染的有 {kinds}。'],
    [' It renders {kinds:ovNames}; its workload is the {wk:word} `{wn}`.', '它渲染的有 {kinds}；它的工作负载是 {wk} `{wn}`。'],
  ],
  ovThird: [
    ['', ''],
    [' {kind:word} `{name}` is rendered by {spec:word}: put the overlay there.', '{kind} `{name}` 由 {spec} 渲染：请把 overlay 放到那里。'],
    [' Did you mean `{hint}`?', '你是不是想写 `{hint}`？'],
  ],
  ovEscape: [['', ''], [' (escape dots in the value as `\\.`)', '（值中的点请转义为 `\\.`）']],
  ovKeyed: [['', ''], ['; the items of `{parent:ovParent}` are keyed by {keys:codes}', '；`{parent}` 的列表项以 {keys} 为键']],
  ovContainer: [['init container', 'init 容器'], ['container', '容器']],
  ovThey: [['its one is', '它唯一的容器是'], ['they are', '已有的容器是']],
  ovHint: [['', ''], [' (did you mean `{h}`?)', '（你是不是想写 `{h}`？）']],
  ovDidYouMean: [['', ''], [' Did you mean `{h}`?', '你是不是想写 `{h}`？']],
};

const VALUE_FIELD: Row = ['{type} has no field `{key}` in Kubernetes {rel}: istioctl writes it into `{where}` as it is, and the API server drops or refuses it.{hint:ovDidYouMean}',
  'Kubernetes {rel} 中的 {type} 没有字段 `{key}`：istioctl 会把它原样写入 `{where}`，API server 会丢弃或拒绝它。{hint}'];

export const OVERLAYS: Readonly<Record<string, readonly Row[]>> = {
  'overlay-target': [
    ['These overlays are never applied: istioctl {v} does not render {label}, as {why:ovWhy}. Add `enabled: true` to the component.', '这些 overlay 永远不会被应用：istioctl {v} 不会渲染 {label}，因为{why}。请给该组件加上 `enabled: true`。'],
    ['These overlays are never applied: istioctl {v} renders nothing for {label} ({why:ovNoChart}).', '这些 overlay 永远不会被应用：istioctl {v} 不会为 {label} 渲染任何内容（{why}）。'],
    ['istioctl {v} applies only the last overlay of {key} (overlays[{last}]): each overlay that matches patches the object as rendered, so these patches are lost ({src}). Put all the patches in one overlay.',
      'istioctl {v} 只应用 {key} 的最后一个 overlay（overlays[{last}]）：每个匹配的 overlay 都是对渲染结果打补丁，因此这里的补丁会丢失（{src}）。请把所有补丁放进同一个 overlay。'],
    ['{first:ovFirst}{second:ovSecond}{third:ovThird}', '{first}{second}{third}'],
  ],
  'overlay-path': [
    ['This patch does nothing: istioctl {v} skips a patch with an empty path ("has empty path, skip", {src}).', '此补丁不起作用：istioctl {v} 会跳过路径为空的补丁（"has empty path, skip"，{src}）。'],
    ['istioctl {v} fails: "cannot delete root element": an empty path names the object itself, and a patch without a value deletes its target ({src}).', 'istioctl {v} 会失败："cannot delete root element"：空路径指向对象本身，而没有 value 的补丁会删除其目标（{src}）。'],
    ['This patch does nothing: its path names the object itself, which istioctl {v} does not replace ({src}).', '此补丁不起作用：它的路径指向对象本身，istioctl {v} 不会替换对象本身（{src}）。'],
    ['`{pe}` is not a path element istioctl reads as a list selector: a `[` without its `]` (or the other way round) is a key of that name. Escape dots inside a selector as `\\.`.',
      '`{pe}` 不会被 istioctl 当作列表选择器：没有配对 `]` 的 `[`（或反过来）会被当作同名的键。选择器中的点请转义为 `\\.`。'],
    ['`{parent:ovParent}` of {kinds} is {shape:ovShape}, not a list: istioctl looks up (and creates) a key named `{pe}`, which Kubernetes does not know. Select list items below a list field.',
      '{kinds} 的 `{parent}` 是{shape}，不是列表：istioctl 会查找（并创建）名为 `{pe}` 的键，而 Kubernetes 不认识它。请在列表字段下选择列表项。'],
    ['istioctl {v} crashes on `[-1]`: it reads the list at index -1 ({src}). Use an index at the end of the list.', 'istioctl {v} 遇到 `[-1]` 会崩溃：它会读取索引为 -1 的列表项（{src}）。请使用列表末尾的索引。'],
    ['istioctl {v} fails: "{pe} is not a valid key:value path element": `{parent:ovParent}` is a list of {items:ovItems}; select an item with {example} or `[N]`{esc:ovEscape}.',
      'istioctl {v} 会失败："{pe} is not a valid key:value path element"：`{parent}` 是由 {items} 组成的列表；请用 {example} 或 `[N]` 选择列表项{esc}。'],
    ['istioctl {v} fails: "element {pe} not found": no {type} has a field `{key}`{keyed:ovKeyed}.', 'istioctl {v} 会失败："element {pe} not found"：{type} 没有字段 `{key}`{keyed}。'],
    ['istioctl {v} fails: "element {pe} not found": {kinds} has no {ctype:ovContainer} `{c}`; {they:ovThey} {names:ovNames}{hint:ovHint}.', 'istioctl {v} 会失败："element {pe} not found"：{kinds} 中没有{ctype} `{c}`；{they} {names}{hint}。'],
    ['istioctl {v} fails: "{pe} is not a valid value path element": `{parent:ovParent}` is a list of {items:ovPlural}; select an item with `[regular expression]` or `[N]`.',
      'istioctl {v} 会失败："{pe} is not a valid value path element"：`{parent}` 是{items}列表；请用 `[正则表达式]` 或 `[N]` 选择列表项。'],
    ['istioctl {v} fails: "element {pe} not found": Go cannot compile the regular expression `{re}`, and a pattern that does not compile matches nothing (tree.go@1.20.8:510-518).',
      'istioctl {v} 会失败："element {pe} not found"：Go 无法编译正则表达式 `{re}`，无法编译的模式什么也匹配不到（tree.go@1.20.8:510-518）。'],
  ],
  'overlay-field': [
    ['{type} has no field `{pe}` in Kubernetes {rel} (`{parent:ovParent}` of {kinds}): istioctl writes the patch anyway, and the API server drops or refuses it.{hint:ovDidYouMean}',
      'Kubernetes {rel} 中的 {type} 没有字段 `{pe}`（{kinds} 的 `{parent}`）：istioctl 仍会写入补丁，API server 会丢弃或拒绝它。{hint}'],
    ['`{parent:ovParent}` of {kinds} is {desc:ovDescribe}: the path cannot go below it (istioctl fails with "leaf type … in non-leaf Node" when the object sets it, {src}).',
      '{kinds} 的 `{parent}` 是{desc}：路径不能再往下（对象设置了它时 istioctl 会报错 "leaf type … in non-leaf Node"，{src}）。'],
    VALUE_FIELD,
  ],
  'overlay-value': [
    ['This patch does nothing: without a value istioctl {v} deletes list items only, not `{where}` (tpath.go@1.5.10:275-289).', '此补丁不起作用：没有 value 时 istioctl {v} 只会删除列表项，不会删除 `{where}`（tpath.go@1.5.10:275-289）。'],
    ['istioctl {v} reads a string value holding `: ` as YAML ({src}), so `{where}` becomes a map, not {desc:ovDescribe}: the API server refuses the object. Write the value without `: `, or patch a string you can write plainly.',
      'istioctl {v} 会把含有 `: ` 的字符串值当作 YAML 读取（{src}），因此 `{where}` 变成了映射，而不是{desc}：API server 会拒绝该对象。请写不含 `: ` 的值，或者为可以直接书写的字符串打补丁。'],
    ['`{where}` is {desc:ovDescribe} in Kubernetes {rel}, not {json:ovJson}: istioctl writes the value as it is and the API server refuses the object.',
      '在 Kubernetes {rel} 中 `{where}` 是{desc}，而不是{json}：istioctl 会原样写入该值，API server 会拒绝该对象。'],
    ['This value replaces the whole item `{text}` selects, not only the fields it names ({src}, setValueContext): the new item has no `{key}` and loses every field not written here. Put the field in the path (`…{text}.field`), or write the whole item.',
      '此值会替换 `{text}` 选中的整个列表项，而不只是它写出的字段（{src}，setValueContext）：新的列表项没有 `{key}`，这里没写的字段也都会丢失。请把字段写进路径（`…{text}.field`），或写出完整的列表项。'],
    VALUE_FIELD,
  ],
};
