// spec.hub, spec.tag and spec.revision formats, as istioctl checks them.
import { isScalar } from 'yaml';
import { LATEST } from '../releases.ts';
import type { Rule, RuleContext } from './ruleTypes.ts';

// A docker repository reference (distribution/reference): lowercase path components, optional host:port.
const HUB = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function scalar(ctx: RuleContext, path: string[]) {
  const node = ctx.get(path);
  return isScalar(node) && node.value !== null ? { node, text: String(node.source ?? node.value), value: node.value } : undefined;
}

export const hubFormat: Rule = {
  minors: [5, LATEST],
  check(ctx) {
    const hub = scalar(ctx, ['spec', 'hub']);
    if (!hub || (hub.text === '' && ctx.minor >= 16)) return;
    if (!HUB.test(hub.text)) {
      const message = ctx.minor >= 24
        ? `bad hub: \`${hub.text}\` is not a valid image repository (lowercase letters, digits, \`.\`, \`_\`, \`-\`, \`/\`, an optional host:port).`
        : `invalid value Hub: \`${hub.text}\` is not a valid image repository (lowercase letters, digits, \`.\`, \`_\`, \`-\`, \`/\`, an optional host:port).`;
      ctx.report(hub.node, 'error', 'invalid-hub', message, ['spec', 'hub']);
    }
  },
};

export const tagFormat: Rule = {
  minors: [5, LATEST],
  check(ctx) {
    for (const path of [['spec', 'tag']]) {
      const tag = scalar(ctx, path);
      if (!tag) continue;
      // 1.16–1.23 check string tags only; earlier releases print numbers with fmt.Sprint.
      if (ctx.minor >= 16 && ctx.minor <= 23 && typeof tag.value !== 'string') continue;
      if (!TAG.test(tag.text)) {
        ctx.report(tag.node, 'error', 'invalid-tag', `${ctx.minor >= 24 ? 'bad tag' : 'invalid value Tag'}: \`${tag.text}\` is not a valid image tag (letters, digits, \`_\`, \`.\`, \`-\`, at most 128, not starting with \`.\` or \`-\`).`, path);
      }
    }
  },
};

export const revisionFormat: Rule = {
  minors: [9, LATEST],
  check(ctx) {
    const rev = scalar(ctx, ['spec', 'revision']);
    if (!rev || rev.text === '') return;
    if (!DNS_LABEL.test(rev.text) || rev.text.length > 63) {
      ctx.report(rev.node, 'error', 'invalid-revision', `invalid revision specified: \`${rev.text}\`; a revision must be a DNS label (lowercase letters, digits and \`-\`, at most 63 characters), e.g. \`1-20-3\`.`, ['spec', 'revision']);
    }
  },
};
