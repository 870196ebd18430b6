// istio's mesh config checks (rules/meshConfig*.ts): "`subject` what is wrong. who refuses it:
// "istio's own error"." The subject and istio's error text stay as written; the rest is translated.
import type { Fragments } from './template.ts';
import type { Row } from './diagnostics.zh-cn.ts';

export const MESH_CONFIG: readonly Row[] = [
  ['{subject} {text:meshProblem}. {who:meshWho}: "{istio}".', '{subject} {text}。{who}："{istio}"。'],
];

export const MESH_FRAGMENTS: Fragments = {
  meshWho: [
    ['istioctl {v} does not check meshConfig, but istiod {v} refuses this mesh config and does not start', 'istioctl {v} 不检查 meshConfig，但 istiod {v} 会拒绝此网格配置并且无法启动'],
    ['istiod {v} warns', 'istiod {v} 会警告'],
    ['istioctl {v} refuses the file', 'istioctl {v} 会拒绝此文件'],
    ['istioctl {v} warns', 'istioctl {v} 会警告'],
  ],
  meshFix: [
    ['add `address: host:port`', '请添加 `address: host:port`'],
    ['add the LightStep access token', '请添加 LightStep 的访问令牌'],
    ['remove it for the default `{d}`, or set tracingServiceName', '删除它即使用默认值 `{d}`，或设置 tracingServiceName'],
    ['remove it for the default `{d}`', '删除它即使用默认值 `{d}`'],
  ],
  meshProblem: [
    ['is not a whole number of milliseconds; write e.g. `{d}`, or `0s` to turn the timeout off', '不是整数毫秒；请写成例如 `{d}`，或用 `0s` 关闭超时'],
    ['is not a whole number of milliseconds; write e.g. `{d}`', '不是整数毫秒；请写成例如 `{d}`'],
    ['is not a whole number of seconds; write e.g. `{d}`', '不是整数秒；请写成例如 `{d}`'],
    ['is not supported: mesh mTLS takes no ECDH curves; remove it (`tlsDefaults.ecdhCurves` sets them for other TLS)', '不受支持：网格 mTLS 不接受 ECDH 曲线；请删除它（其他 TLS 的曲线由 `tlsDefaults.ecdhCurves` 设置）'],
    ['is not an ECDH curve istio {v} knows; use one of {list}', '不是 istio {v} 认识的 ECDH 曲线；请使用 {list} 之一'],
    ['is listed twice; remove the repeat', '重复列出；请删除重复项'],
    ['is set together with `distribute`; keep one of them', '与 `distribute` 同时设置；请只保留一个'],
    ['is a topology label, which `failover` already orders by; remove it or remove `failover`', '是拓扑标签，`failover` 已按它排序；请删除它或删除 `failover`'],
    ['is not a weight from 1 to 100', '不是 1 到 100 之间的权重'],
    ['has weights adding up to {total}; make them add up to 100', '权重之和为 {total}；请让它们之和为 100'],
    ['fails over to its own region `{r}`; name a different region', '故障转移到了自身所在的区域 `{r}`；请指定另一个区域'],
    ['names a zone; failover takes regions only (no `/`)', '指定了可用区；failover 只接受区域（不能有 `/`）'],
    ['holds a `*`; failover takes plain region names', '含有 `*`；failover 只接受普通的区域名'],
    ['is shorter than 1ms; write at least `1ms`', '短于 1ms；请至少写 `1ms`'],
    ['is longer than {max}; write at most `{max}`', '长于 {max}；请最多写 `{max}`'],
    ['is not a port; use a number from 1 to 65535', '不是端口；请使用 1 到 65535 之间的数字'],
    ['has no port; write host:port', '没有端口；请写成 host:port'],
    ['has too many colons; write host:port, with an IPv6 host in brackets ([::1]:15012)', '冒号过多；请写成 host:port，IPv6 主机要加方括号（[::1]:15012）'],
    ['is not host:port; use brackets only around an IPv6 host ([::1]:15012)', '不是 host:port；只有 IPv6 主机才加方括号（[::1]:15012）'],
    ['has port `{p}`, which is not a number; write host:port with a numeric port', '的端口 `{p}` 不是数字；请写成端口为数字的 host:port'],
    ['has port {p}; use a port from 1 to 65535', '的端口为 {p}；请使用 1 到 65535 之间的端口'],
    ['has host `{h}`, which is neither a DNS name nor an IP address', '的主机 `{h}` 既不是 DNS 名称也不是 IP 地址'],
    ['is not a host name; write a DNS name such as `reviews.default.svc.cluster.local`, with `*` only in the first label (`*.example.com`)', '不是主机名；请写成 DNS 名称，例如 `reviews.default.svc.cluster.local`，`*` 只能出现在第一段（`*.example.com`）'],
    ['is empty; write a trust domain such as `cluster.local`', '为空；请写一个信任域，例如 `cluster.local`'],
    ['is not a trust domain; use DNS labels (letters, digits, `-`) separated by dots, such as `cluster.local`', '不是信任域；请使用以点分隔的 DNS 标签（字母、数字、`-`），例如 `cluster.local`'],
    ['overlaps a locality listed before it; list each region/zone/subzone once', '与前面列出的地域（locality）重叠；每个 region/zone/subzone 只列一次'],
    ['may hold one `*`, only at the end (`us-east/*`)', '最多含一个 `*`，且只能在末尾（`us-east/*`）'],
    ['has an empty part; write region, region/zone or region/zone/subzone', '有空的部分；请写成 region、region/zone 或 region/zone/subzone'],
    ['is not longer than drainDuration ({d}); make parentShutdownDuration the longer one', '不长于 drainDuration（{d}）；parentShutdownDuration 必须更长'],
    ['is not shorter than parentShutdownDuration (60s unless set); write a shorter drainDuration or a longer parentShutdownDuration', '不短于 parentShutdownDuration（未设置时为 60s）；请把 drainDuration 写短些，或把 parentShutdownDuration 写长些'],
    ['is empty; {fix:meshFix}', '为空；{fix}'],
    ['has no {key}; {fix:meshFix}', '没有 {key}；{fix}'],
    ['is secure but has no cacertPath; add `cacertPath`', '启用了 secure 但没有 cacertPath；请添加 `cacertPath`'],
    ['has mode MUTUAL but no {key}; add it, or set credentialName', '模式为 MUTUAL 但没有 {key}；请添加它，或设置 credentialName'],
    ['is set together with credentialName; remove one of them', '与 credentialName 同时设置；请删除其中一个'],
    ['is set together with insecureSkipVerify: true; remove one of them', '与 insecureSkipVerify: true 同时设置；请删除其中一个'],
    ['is a configmap:// reference, which tracing TLS cannot use; use a kubernetes secret name', '是 configmap:// 引用，链路追踪的 TLS 不能使用它；请使用 Kubernetes secret 名称'],
    ['names no provider; add {providers:codes} with a pollDelay', '没有指定提供方；请添加 {providers}，并设置 pollDelay'],
    ['has no pollDelay; add one, such as `pollDelay: 10ms`', '没有 pollDelay；请添加一个，例如 `pollDelay: 10ms`'],
    ['is zero; write a positive delay such as `10ms`', '为零；请写一个正的延迟，例如 `10ms`'],
    ['is not accepted here; write `MUTUAL_TLS` or `NONE`', '在这里不被接受；请写 `MUTUAL_TLS` 或 `NONE`'],
    ['is deprecated; use DNS auto-allocation v2 (https://istio.io/latest/docs/ops/configuration/traffic-management/dns-proxy/#dns-auto-allocation-v2)', '已弃用；请使用 DNS 自动分配 v2（https://istio.io/latest/docs/ops/configuration/traffic-management/dns-proxy/#dns-auto-allocation-v2）'],
  ],
};
