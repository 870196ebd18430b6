// The status bar's words, apart from the status bar itself so they can be tested without VS Code.
import * as l10n from '@vscode/l10n';
import type { VersionSource } from '../../protocol/messages.ts';

export interface VersionState {
  version: string | null;
  source: VersionSource | null;
  reason: string | null;
}

/** "Istio 1.20 (istioctl 1.20.3)", "Istio 1.9 (comment)", "Istio 1.30 (newest bundled)". */
export function versionText(s: VersionState, istioctlVersion: string | undefined): string {
  if (!s.version) return 'Istio';
  const from: Record<VersionSource, string> = {
    istioctl: istioctlVersion ? `istioctl ${istioctlVersion}` : 'istioctl',
    'spec.tag': 'spec.tag',
    setting: l10n.t({ message: 'setting', comment: ['Status bar: the Istio version comes from the istioOperator.istioVersion setting'] }),
    comment: l10n.t({ message: 'comment', comment: ['Status bar: the Istio version comes from a # istio-version: comment'] }),
    newest: l10n.t('newest bundled'),
  };
  return `Istio ${s.version}${s.source ? ` (${from[s.source]})` : ''}`;
}
