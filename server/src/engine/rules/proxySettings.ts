// values.global.proxy include/exclude IP ranges and inbound ports, as istioctl parses them.
import { isScalar, type Scalar } from 'yaml';
import { LATEST } from '../releases.ts';
import type { Rule, RuleContext } from './ruleTypes.ts';

const CIDR4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const CIDR6 = /^[0-9a-fA-F:]+(?:\d{1,3}(?:\.\d{1,3}){3})?\/(\d{1,3})$/;

function validCidr(s: string): boolean {
  const v4 = CIDR4.exec(s);
  if (v4) return v4.slice(1, 5).every((o) => Number(o) <= 255) && Number(v4[5]) <= 32;
  const v6 = CIDR6.exec(s);
  return !!v6 && s.includes(':') && Number(v6[1]) <= 128;
}

/** Each of the two proxy settings that is set, with its path. */
function eachSet(ctx: RuleContext, keys: string[], check: (node: Scalar, key: string, path: string[]) => void) {
  for (const key of keys) {
    const path = ['spec', 'values', 'global', 'proxy', key];
    const node = ctx.get(path);
    if (isScalar(node) && node.value !== null) check(node, key, path);
  }
}

export const ipRanges: Rule = {
  minors: [5, LATEST],
  check(ctx) {
    eachSet(ctx, ['includeIPRanges', 'excludeIPRanges'], (node, key, path) => {
      if (typeof node.value !== 'string') { ctx.report(node, 'error', 'invalid-ip-ranges', `${key} must be a string: "*", "" or a comma-separated list of CIDRs.`, path); return; }
      const value = node.value;
      if (value === '*' || value === '') return;
      // Up to 1.18 istioctl trims each item; from 1.19 a space is an error.
      const items = value.split(',').map((s) => (ctx.minor <= 18 ? s.trim() : s));
      const bad = items.find((s) => !validCidr(s));
      if (bad !== undefined) ctx.report(node, 'error', 'invalid-ip-ranges', `${key}: \`${bad}\` is not a CIDR (e.g. 10.0.0.0/8); use "*", "" or a comma-separated list of CIDRs${ctx.minor >= 19 ? ' with no spaces' : ''}.`, path);
    });
  },
};

export const inboundPorts: Rule = {
  minors: [5, LATEST],
  check(ctx) {
    eachSet(ctx, ['includeInboundPorts', 'excludeInboundPorts'], (node, key, path) => {
      const items = String(node.value).split(',').map((s) => s.trim());
      const bad = items.find((s) => !(s === '*' || s === '' || (/^\d+$/.test(s) && Number(s) <= 65535)));
      if (bad !== undefined) ctx.report(node, 'error', 'invalid-inbound-ports', `${key}: \`${bad}\` is not a port; use "*", "" or a comma-separated list of ports 0–65535.`, path);
    });
  },
};
