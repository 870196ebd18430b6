// Install settings istioctl refuses, or the charts fail on, that no schema can say.
import { isMap, isScalar } from 'yaml';
import { LATEST } from '../releases.ts';
import type { Rule } from './ruleTypes.ts';

const URL = /^https?:\/\//i;

/**
 * spec.installPackagePath as a URL: downloaded up to 1.16 (RewriteURLToLocalInstallPath,
 * manifest/shared.go@1.16.7:380-400, which warns in 1.16); from 1.17 there is no download and the
 * URL is read as a local directory.
 */
export const installPackageUrl: Rule = {
  minors: [16, LATEST],
  check(ctx) {
    const node = ctx.get(['spec', 'installPackagePath']);
    if (!isScalar(node) || typeof node.value !== 'string' || !URL.test(node.value)) return;
    if (ctx.minor === 16) {
      ctx.report(node, 'warning', 'install-package-url', 'istioctl 1.16 still downloads the install package from a URL, but warns "fetching charts from URLs will be removed in next major release": download and extract the release, then point `installPackagePath` (or `--manifests`) at its `manifests` folder.', ['spec', 'installPackagePath']);
    } else {
      ctx.report(node, 'error', 'install-package-url', `istioctl ${ctx.schema.version} no longer downloads install packages (removed in 1.17): it reads \`${node.value}\` as a local folder and fails. Download and extract the release, then point \`installPackagePath\` (or \`--manifests\`) at its \`manifests\` folder.`, ['spec', 'installPackagePath']);
    }
  },
};

/** 1.24+: the istio-discovery chart fails on it (templates/NOTES.txt@1.24.6:80-81). */
export const pilotCertProvider: Rule = {
  minors: [24, LATEST],
  check(ctx) {
    const global = ctx.get(['spec', 'values', 'global']);
    const node = isMap(global) ? global.get('pilotCertProvider', true) : undefined;
    if (!isScalar(node) || node.value !== 'kubernetes') return;
    ctx.report(node, 'error', 'unsupported-setting', `istioctl ${ctx.schema.version} fails rendering istiod with "pilotCertProvider=kubernetes is not supported" (the istio-discovery chart's NOTES.txt): use \`istiod\` (the default) or \`custom\`.`, ['spec', 'values', 'global', 'pilotCertProvider']);
  },
};
