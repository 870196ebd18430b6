// Every diagnostic message the engine writes, by diagnostic code: the English template (as the
// message is built where it is reported) and its Simplified Chinese. Istio's and Kubernetes' own
// error texts quoted in a message ("…") stay as istioctl prints them.
// The overlay checks' messages are in overlays.zh-cn.ts, meshConfig's in meshConfig.zh-cn.ts, the
// YAML parser's in yaml.zh-cn.ts.

export type Row = readonly [en: string, zh: string];
export type Table = Readonly<Record<string, readonly Row[]>>;

const UNKNOWN: Row[] = [
  ['Unknown field `{key}` in {where:where}{hint:guessHint}{consequence:consequence}', '未知字段 `{key}`（在 {where} 中）{hint}{consequence}'],
];

const DEPRECATED: Row[] = [
  ['`{path}` is deprecated in Istio {v}. {text:deprecation}', '`{path}` 在 Istio {v} 中已弃用。{text}'],
];

/** The traps of k8s/valueTraps.ts, the protobuf/Kubernetes forms of k8s/forms.ts and the rules' broken settings. */
const FORMS: Row[] = [
  ['`{key}` is the protobuf form that istioctl read up to 1.23; Istio {v} reads Kubernetes\' own form, where {wrapper} is inline: write {inner:codes} directly here, without `{key}:`.',
    '`{key}` 是 istioctl 在 1.23 及以前读取的 protobuf 形式；Istio {v} 读取 Kubernetes 自己的形式，其中 {wrapper} 是内联的：请直接在这里写 {inner}，不要写 `{key}:`。'],
  ['Istio {v} reads this Kubernetes type in its protobuf form: `{key}` goes under `{wrapper}` (`{wrapper}: {{{key}: …}}`). Kubernetes\' own form, with {type} inline, is read from Istio 1.24.',
    'Istio {v} 按 protobuf 形式读取这个 Kubernetes 类型：`{key}` 要放在 `{wrapper}` 下（`{wrapper}: {{{key}: …}}`）。Kubernetes 自己的形式（{type} 内联）从 Istio 1.24 起才读取。'],
  ['`{key}` is autoscaling/v2beta1; from Istio 1.24 `hpaSpec` is autoscaling/v2 (Istio {v} refuses the old form): write `{example}`.{more:hpaMore}',
    '`{key}` 是 autoscaling/v2beta1 的写法；从 Istio 1.24 起 `hpaSpec` 是 autoscaling/v2（Istio {v} 会拒绝旧写法）：请写成 `{example}`。{more}'],
  ['`values.defaults` is where the charts keep their own defaults: istioctl {v} refuses it, and the charts fail with "Setting with .default prefix found; remove it". Write the setting without the prefix (`values.defaults.global.hub` → `values.global.hub`).',
    '`values.defaults` 是 chart 存放自身默认值的地方：istioctl {v} 会拒绝它，chart 也会报错 "Setting with .default prefix found; remove it"。请去掉前缀来写这个设置（`values.defaults.global.hub` → `values.global.hub`）。'],
  ['istioctl {v} checks `values.pilot.volumes` in the protobuf form and refuses `{k}` here (istio/istio PR #51818), but the chart renders the value as written, so the protobuf form (`volumeSource:`) gives a Deployment Kubernetes refuses: no form passes both. Write the Kubernetes form and {through:through}.',
    'istioctl {v} 按 protobuf 形式检查 `values.pilot.volumes`，会拒绝这里的 `{k}`（istio/istio PR #51818），但 chart 会原样渲染该值，因此 protobuf 形式（`volumeSource:`）会得到 Kubernetes 拒绝的 Deployment：没有一种写法能同时通过两者。请写成 Kubernetes 形式，并{through}。'],
  ['istioctl {v} checks `values.global.waypoint.nodeSelector` as a NodeSelector (`nodeSelectorTerms`), but the waypoint template renders it as the pod\'s `nodeSelector` label map (files/waypoint.yaml), so a label map is refused here and a NodeSelector renders a pod Kubernetes refuses. For the labels, {through:through}.',
    'istioctl {v} 把 `values.global.waypoint.nodeSelector` 当作 NodeSelector（`nodeSelectorTerms`）检查，但 waypoint 模板会把它渲染为 Pod 的 `nodeSelector` 标签映射（files/waypoint.yaml），因此标签映射在这里会被拒绝，而 NodeSelector 会渲染出 Kubernetes 拒绝的 Pod。若要设置标签，请{through}。'],
  ['The waypoint template reads `global.waypoint.tolerations`, but istioctl {v} knows only `toleration` (which the template never reads) and refuses `tolerations`: {through:through}.',
    'waypoint 模板读取 `global.waypoint.tolerations`，但 istioctl {v} 只认识 `toleration`（模板从不读取它），并会拒绝 `tolerations`：请{through}。'],
];

const IGNORED: Row[] = [
  ['istioctl {v} accepts `k8s.{f}` but never renders it (istio/istio#34046): {who:volWho} gets no such {thing:volThing}. Add it with a `k8s.overlays` patch instead{qf:volFix}.',
    'istioctl {v} 接受 `k8s.{f}`，但从不渲染它（istio/istio#34046）：{who} 不会得到这个{thing}。请改用 `k8s.overlays` 补丁添加{qf}。'],
  ['istioctl {v} accepts `k8s.{f}` but never renders it ({src}@{tag} does not map it): {who:volWho} does not get it. Set it with a `k8s.overlays` patch instead.',
    'istioctl {v} 接受 `k8s.{f}`，但从不渲染它（{src}@{tag} 没有映射它）：{who} 得不到它。请改用 `k8s.overlays` 补丁设置它。'],
  ['istioctl {v} refuses `components.base.k8s.{f}`: "base component can only have k8s.overlays, not other K8s settings" (translate.go@1.6.14:167). Remove it, or patch the base resources with `k8s.overlays`.',
    'istioctl {v} 会拒绝 `components.base.k8s.{f}`："base component can only have k8s.overlays, not other K8s settings"（translate.go@1.6.14:167）。请删除它，或用 `k8s.overlays` 给 base 的资源打补丁。'],
  ['istioctl {v} ignores `components.{kind}.k8s.{f}`: the {kind} component has no resource these settings apply to (component.go@1.24.6:136-215). Use `k8s.overlays` on the resource you mean.',
    'istioctl {v} 会忽略 `components.{kind}.k8s.{f}`：{kind} 组件没有这些设置可作用的资源（component.go@1.24.6:136-215）。请在你要修改的资源上使用 `k8s.overlays`。'],
  ['`components.istiodRemote.k8s.{f}` has no resource to apply to in istioctl {v} (its component map names none), so istioctl does not apply it and may fail with "unexpected first element". Use `k8s.overlays` on the resource you mean.',
    '在 istioctl {v} 中 `components.istiodRemote.k8s.{f}` 没有可作用的资源（其组件映射表中没有），因此 istioctl 不会应用它，还可能报错 "unexpected first element"。请在你要修改的资源上使用 `k8s.overlays`。'],
  ['`components.{kind}.k8s.{f}` does nothing in istioctl {v}: {kind} is the DaemonSet `{name}`, and no {res} is rendered for it ("doesn\'t exist in the output manifest, skip overlay").',
    '`components.{kind}.k8s.{f}` 在 istioctl {v} 中不起作用：{kind} 是 DaemonSet `{name}`，不会为它渲染 {res}（"doesn\'t exist in the output manifest, skip overlay"）。'],
  ['istioctl {v} writes `components.{kind}.k8s.{f}` into the DaemonSet `{name}` as `spec.{field}`, a field DaemonSets do not have: the API server drops it or refuses the object. {advice:dsAdvice}',
    'istioctl {v} 会把 `components.{kind}.k8s.{f}` 作为 `spec.{field}` 写入 DaemonSet `{name}`，而 DaemonSet 没有这个字段：API server 会丢弃它或拒绝该对象。{advice}'],
  ['istioctl {v} accepts `{key}` here but renders it as `{key}: {{localObjectReference: {{name: …}}}}`, which Kubernetes refuses ("unknown field \\"localObjectReference\\"", istio/istio#48961). Set this env entry with a `k8s.overlays` patch of the container instead (`fieldRef` and `resourceFieldRef` work).',
    'istioctl {v} 在这里接受 `{key}`，但会把它渲染成 `{key}: {{localObjectReference: {{name: …}}}}`，Kubernetes 会拒绝它（"unknown field \\"localObjectReference\\""，istio/istio#48961）。请改用对容器的 `k8s.overlays` 补丁设置这个 env 条目（`fieldRef` 和 `resourceFieldRef` 可以正常使用）。'],
  ['istioctl {v} accepts `components.istiodRemote` but renders nothing for it: the component was removed in 1.26 (istio/istio#55369). For a cluster without a local control plane use `profile: remote` (it enables pilot with `values.profile: remote`).',
    'istioctl {v} 接受 `components.istiodRemote`，但不会为它渲染任何内容：该组件已在 1.26 中移除（istio/istio#55369）。对于没有本地控制平面的集群，请使用 `profile: remote`（它会以 `values.profile: remote` 启用 pilot）。'],
  ['istioctl {v} accepts `volumeSource` in `values.pilot.volumes` (it checks the protobuf form), but the chart renders the value as written, and Kubernetes refuses a volume with `volumeSource`. Write the Kubernetes form (`configMap:`, `secret:` … directly in the volume) and put it under `spec.unvalidatedValues` instead (not validated, merged into the chart values), or install with `--force`.',
    'istioctl {v} 接受 `values.pilot.volumes` 中的 `volumeSource`（它按 protobuf 形式检查），但 chart 会原样渲染该值，而 Kubernetes 会拒绝带 `volumeSource` 的卷。请写成 Kubernetes 形式（直接在卷中写 `configMap:`、`secret:` …），并改放到 `spec.unvalidatedValues` 下（不做校验，会合并进 chart 的 values），或用 `--force` 安装。'],
  ['istioctl {v} accepts `global.waypoint.toleration`, but the waypoint template reads `global.waypoint.tolerations` (files/waypoint.yaml), so this has no effect: put it under `spec.unvalidatedValues` instead (not validated, merged into the chart values) as `global.waypoint.tolerations`.',
    'istioctl {v} 接受 `global.waypoint.toleration`，但 waypoint 模板读取的是 `global.waypoint.tolerations`（files/waypoint.yaml），因此此设置不起作用：请以 `global.waypoint.tolerations` 改放到 `spec.unvalidatedValues` 下（不做校验，会合并进 chart 的 values）。'],
  ['istioctl {v} checks `global.waypoint.nodeSelector` as a NodeSelector, but the waypoint template renders it as the pod\'s `nodeSelector` label map: `nodeSelectorTerms` there gives a pod Kubernetes refuses. Write a label map and put it under `spec.unvalidatedValues` instead (not validated, merged into the chart values), or use `global.waypoint.affinity` for node affinity.',
    'istioctl {v} 把 `global.waypoint.nodeSelector` 当作 NodeSelector 检查，但 waypoint 模板会把它渲染为 Pod 的 `nodeSelector` 标签映射：在那里写 `nodeSelectorTerms` 会得到 Kubernetes 拒绝的 Pod。请写成标签映射并改放到 `spec.unvalidatedValues` 下（不做校验，会合并进 chart 的 values），或用 `global.waypoint.affinity` 设置节点亲和性。'],
];

export const DIAGNOSTICS: Table = {
  'api-version': [['An IstioOperator must have `apiVersion: {expected}`, not `{got}`; istioctl does not read it otherwise.', 'IstioOperator 必须写 `apiVersion: {expected}`，而不是 `{got}`；否则 istioctl 不会读取它。']],
  'depth-limit': [['Nesting deeper than {n} levels is not checked.', '超过 {n} 层的嵌套不做检查。']],
  'alias-limit': [['More than {n} alias expansions: the rest of this document is not checked.', '别名展开超过 {n} 次：此文档的其余部分不做检查。']],
  'non-string-key': [['Keys must be plain strings here.', '这里的键必须是普通字符串。']],
  'unknown-field': UNKNOWN,
  'unknown-field-ignored': UNKNOWN,
  'field-not-in-version': [['{full} does not exist in Istio {v} ({range:range}){instead:instead}.{consequence:consequence}', 'Istio {v} 中没有 {full}（{range}）{instead}。{consequence}']],
  'field-moved': [['{full} is not accepted in Istio {v}: {moved:moved}.{consequence:consequence}', 'Istio {v} 不接受 {full}：{moved}。{consequence}']],
  deprecated: DEPRECATED,
  removed: DEPRECATED,
  oneof: [['Only one of {group:codes} may be set in `{path}`; found {names:codes}.', '`{path}` 中只能设置 {group} 之一；但同时设置了 {names}。']],
  enum: [['Invalid value `{value}` for `{path}`; expected one of {names:codes}{guess:enumGuess}.', '`{path}` 的值 `{value}` 无效；应为 {names} 之一{guess}。']],
  type: [
    ['Istio {v} reads `{path}` as a string (resources are map<string,string> up to 1.23; `cpu: {text}` fails with "cannot unmarshal number into Go value of type string"): write `"{text}"`{alt:cpuAlt}.',
      'Istio {v} 把 `{path}` 当作字符串读取（1.23 及以前 resources 是 map<string,string>；`cpu: {text}` 会报错 "cannot unmarshal number into Go value of type string"）：请写成 `"{text}"`{alt}。'],
    ['Expected {expected:typeWords} for `{path}`, got {got:valueWords}.{hint:typeHint}', '`{path}` 应为{expected}，实际是{got}。{hint}'],
  ],
  'invalid-duration': [['Expected a duration with a unit, such as `10s`, `1.5s`, `100ms`, `30m` or `1h`, got {value}.', '应为带单位的时长，例如 `10s`、`1.5s`、`100ms`、`30m` 或 `1h`，实际是 {value}。']],
  'invalid-quantity': [['Expected a Kubernetes quantity such as `100m`, `2`, `512Mi` or `1.5Gi`, got {value}.', '应为 Kubernetes 数量（quantity），例如 `100m`、`2`、`512Mi` 或 `1.5Gi`，实际是 {value}。']],
  pattern: [['{value} does not have the expected form ({pattern}).', '{value} 不符合要求的格式（{pattern}）。']],
  minimum: [['`{path}` must be {min} or more, got {value}.', '`{path}` 必须大于或等于 {min}，实际是 {value}。']],
  'k8s-enum': [['Kubernetes accepts {values:codes} for `{path}`, not `{value}`: istioctl does not check it, and the API server refuses the object it renders.', 'Kubernetes 的 `{path}` 只接受 {values}，不接受 `{value}`：istioctl 不检查这一点，API server 会拒绝它渲染出的对象。']],
  'k8s-required': [['Kubernetes requires {names:codes} in {type} `{path}`: istioctl does not check it, and the API server refuses the object it renders.', 'Kubernetes 要求 {type} `{path}` 中有 {names}：istioctl 不检查这一点，API server 会拒绝它渲染出的对象。']],
  'k8s-form': FORMS,
  'broken-setting': [...FORMS, ...IGNORED],
  'ignored-setting': IGNORED,
  'misplaced-field': [['Unknown field `{key}` in `{object}`; did you mean `{to}` one level up (`{toPath}`)? istioctl refuses it here.', '`{object}` 中的未知字段 `{key}`；你是不是想写上一级的 `{to}`（`{toPath}`）？istioctl 在这里会拒绝它。']],
  'duplicate-key': [
    ['Duplicate key `{key}`: a key may appear only once in a map (istioctl rejects the file)', '重复的键 `{key}`：一个映射中每个键只能出现一次（istioctl 会拒绝此文件）'],
    ['Duplicate key `{key}`: a key may appear only once in a map: istioctl {v} reads the file strictly and refuses it.', '重复的键 `{key}`：一个映射中每个键只能出现一次：istioctl {v} 严格读取文件，会拒绝它。'],
  ],
  'duplicate-key-ignored': [['Duplicate key `{name}`: istioctl {v} reads the file leniently, so the later `{name}` (line {line}) wins and this value is silently dropped. Keep one of them.', '重复的键 `{name}`：istioctl {v} 宽松地读取文件，后面的 `{name}`（第 {line} 行）生效，这里的值会被悄悄丢弃。请只保留一个。']],
  'too-large': [['This file is {size} KB, over the {limit} KB limit: it is not validated.', '此文件大小为 {size} KB，超过了 {limit} KB 的限制：不做校验。']],
  'multiple-operators': [
    ['This file contains more than one IstioOperator: istioctl accepts only one per file. Split it into separate files.', '此文件包含多个 IstioOperator：istioctl 每个文件只接受一个。请拆分为多个文件。'],
    ['This file contains more than one IstioOperator: istioctl merges them in order; one file per IstioOperator is clearer.', '此文件包含多个 IstioOperator：istioctl 会按顺序合并它们；每个文件一个 IstioOperator 更清晰。'],
  ],
  'version-not-bundled': [
    ['`{raw}` is not an Istio version (expected 1.X); checking against Istio {newest}.', '`{raw}` 不是 Istio 版本（应为 1.X）；改按 Istio {newest} 检查。'],
    ['Istio {v} is not bundled (supported: {first}–{last}); checking against Istio {nearest}.', '未内置 Istio {v}（支持 {first}–{last}）；改按 Istio {nearest} 检查。'],
  ],
  'invalid-gateway-name': [['invalid gateway name `{name}`: use lowercase letters, digits, `.` and `-` (istioctl rejects components.{kind}[{i}].name).', '网关名 `{name}` 无效（invalid gateway name）：只能使用小写字母、数字、`.` 和 `-`（istioctl 会拒绝 components.{kind}[{i}].name）。']],
  'privileged-port': [['port {portName}/{port} in gateway {name} invalid: targetPort is set to {tp}, which requires root. Set targetPort to be greater than 1024 or configure values.gateways.{key}.runAsRoot=true', '网关 {name} 的端口 {portName}/{port} 无效：targetPort 为 {tp}，需要 root 权限。请把 targetPort 设为大于 1024，或设置 values.gateways.{key}.runAsRoot=true']],
  'invalid-hub': [
    ['bad hub: `{hub}` is not a valid image repository (lowercase letters, digits, `.`, `_`, `-`, `/`, an optional host:port).', 'bad hub：`{hub}` 不是有效的镜像仓库（小写字母、数字、`.`、`_`、`-`、`/`，可带 host:port）。'],
    ['invalid value Hub: `{hub}` is not a valid image repository (lowercase letters, digits, `.`, `_`, `-`, `/`, an optional host:port).', 'invalid value Hub：`{hub}` 不是有效的镜像仓库（小写字母、数字、`.`、`_`、`-`、`/`，可带 host:port）。'],
  ],
  'invalid-tag': [['{prefix}: `{tag}` is not a valid image tag (letters, digits, `_`, `.`, `-`, at most 128, not starting with `.` or `-`).', '{prefix}：`{tag}` 不是有效的镜像标签（字母、数字、`_`、`.`、`-`，最多 128 个字符，不能以 `.` 或 `-` 开头）。']],
  'invalid-revision': [['invalid revision specified: `{rev}`; a revision must be a DNS label (lowercase letters, digits and `-`, at most 63 characters), e.g. `1-20-3`.', '修订版本无效（invalid revision specified）：`{rev}`；修订版本必须是 DNS 标签（小写字母、数字和 `-`，最多 63 个字符），例如 `1-20-3`。']],
  'invalid-ip-ranges': [
    ['{key} must be a string: "*", "" or a comma-separated list of CIDRs.', '{key} 必须是字符串："*"、"" 或以逗号分隔的 CIDR 列表。'],
    ['{key}: `{bad}` is not a CIDR (e.g. 10.0.0.0/8); use "*", "" or a comma-separated list of CIDRs{spaces:noSpaces}.', '{key}：`{bad}` 不是 CIDR（例如 10.0.0.0/8）；请使用 "*"、"" 或以逗号分隔的 CIDR 列表{spaces}。'],
  ],
  'invalid-inbound-ports': [['{key}: `{bad}` is not a port; use "*", "" or a comma-separated list of ports 0–65535.', '{key}：`{bad}` 不是端口；请使用 "*"、"" 或以逗号分隔的端口列表（0–65535）。']],
  'replica-count-with-autoscale': [['{what} should not be set when {flag} is true: {consequence:rcConsequence}', '{flag} 为 true 时不应设置 {what}：{consequence}']],
  'install-package-url': [
    ['istioctl 1.16 still downloads the install package from a URL, but warns "fetching charts from URLs will be removed in next major release": download and extract the release, then point `installPackagePath` (or `--manifests`) at its `manifests` folder.',
      'istioctl 1.16 仍会从 URL 下载安装包，但会警告 "fetching charts from URLs will be removed in next major release"：请下载并解压该版本，然后把 `installPackagePath`（或 `--manifests`）指向其中的 `manifests` 文件夹。'],
    ['istioctl {v} no longer downloads install packages (removed in 1.17): it reads `{url}` as a local folder and fails. Download and extract the release, then point `installPackagePath` (or `--manifests`) at its `manifests` folder.',
      'istioctl {v} 不再下载安装包（1.17 起移除）：它会把 `{url}` 当作本地文件夹读取并失败。请下载并解压该版本，然后把 `installPackagePath`（或 `--manifests`）指向其中的 `manifests` 文件夹。'],
  ],
  'unsupported-setting': [['istioctl {v} fails rendering istiod with "pilotCertProvider=kubernetes is not supported" (the istio-discovery chart\'s NOTES.txt): use `istiod` (the default) or `custom`.', 'istioctl {v} 渲染 istiod 时会失败，报错 "pilotCertProvider=kubernetes is not supported"（istio-discovery chart 的 NOTES.txt）：请使用 `istiod`（默认值）或 `custom`。']],
  'invalid-addon-name': [['istioctl {v} expects addon component names starting with a lower-case letter: write `{lower}` ("invalid addon component name: {key}, expect component name starting with lower-case character" for the addons it bundles).', 'istioctl {v} 要求插件（addon）组件名以小写字母开头：请写成 `{lower}`（对它自带的插件会报错 "invalid addon component name: {key}, expect component name starting with lower-case character"）。']],
  'feature-conflict': [
    ['istioctl {v} warns "security: auto mtls is enabled, but control plane security is not enabled": set `values.global.controlPlaneSecurityEnabled: true` or `values.global.mtls.auto: false`.', 'istioctl {v} 会警告 "security: auto mtls is enabled, but control plane security is not enabled"：请设置 `values.global.controlPlaneSecurityEnabled: true` 或 `values.global.mtls.auto: false`。'],
    ['`meshConfig.defaultProviders` sets only {set:codes}: from Istio 1.18 the istiod chart then leaves out its default `metrics: [prometheus]`, so the proxies report no Istio metrics and Prometheus scrapes nothing. Add `metrics: [prometheus]` here to keep them.',
      '`meshConfig.defaultProviders` 只设置了 {set}：从 Istio 1.18 起 istiod chart 因此不再写入默认的 `metrics: [prometheus]`，代理不会上报 Istio 指标，Prometheus 也就采集不到任何数据。请在这里加上 `metrics: [prometheus]` 以保留指标。'],
  ],
  'invalid-profile': [
    ['istioctl {v} reads a profile file only with `--manifests`; otherwise it looks for a built-in profile and fails with "Asset profiles/{p}.yaml not found". Built-in profiles: {names:codes}.', 'istioctl {v} 只有在指定 `--manifests` 时才读取 profile 文件；否则它会查找内置 profile 并报错 "Asset profiles/{p}.yaml not found"。内置 profile：{names}。'],
    ['{why:profileWhy} Built-in profiles: {names:codes}.', '{why}内置 profile：{names}。'],
    ['istioctl {v} reads the profile `{p}` from disk, and there is no such file {rel:relHint}(istioctl fails with "failed to read profile"). Write a built-in profile name or the path of an existing profile file.', 'istioctl {v} 会从磁盘读取 profile `{p}`，但{rel}没有这个文件（istioctl 会报错 "failed to read profile"）。请写内置 profile 名，或一个已存在的 profile 文件路径。'],
    ['istioctl {v} reads `default.yaml` beside a custom profile first, and there is none in `{dir}`: copy the release\'s default profile there (istioctl profile dump default).', 'istioctl {v} 会先读取自定义 profile 旁边的 `default.yaml`，但 `{dir}` 中没有：请把该版本的 default profile 复制过去（`istioctl profile dump default`）。'],
  ],
};

/** Quick-fix titles (data.fix.title), whatever the diagnostic. */
export const FIX_TITLES: readonly Row[] = [
  ['Change to `{guess}`', '改为 `{guess}`'],
  ['Change to "{text}"', '改为 "{text}"'],
  ['Change to {value}', '改为 {value}'],
  ['Move to `{target}`', '移到 `{target}`'],
  ['Rewrite in Kubernetes\' form (without `{key}`)', '改写为 Kubernetes 形式（去掉 `{key}`）'],
  ['Move `{key}` under `{wrapper}` (protobuf form)', '把 `{key}` 移到 `{wrapper}` 下（protobuf 形式）'],
  ['Rewrite as autoscaling/v2 `{example}`', '改写为 autoscaling/v2 `{example}`'],
  ['Move k8s.volumes/volumeMounts into k8s.overlays patches of {kind} {name}', '把 k8s.volumes/volumeMounts 移入 {kind} {name} 的 k8s.overlays 补丁'],
];
