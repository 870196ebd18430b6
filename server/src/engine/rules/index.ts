// The table of istioctl's checks beyond the schema, each with the releases it applies to.
import type { Diagnostic } from 'vscode-languageserver-types';
import { isMap, isSeq, type Document, type Node } from 'yaml';
import { makeDiagnostic, type DiagnosticCode, type DiagnosticData } from '../validate/diagnostics.ts';
import type { LineIndex } from '../parse/lineIndex.ts';
import type { IstioSchema } from '../schema/schemaStore.ts';
import { deref, formatPath, keyName, nodeSpan, type Step } from '../parse/yamlNodes.ts';
import { gatewayNames, privilegedPorts } from './gateways.ts';
import { hubFormat, revisionFormat, tagFormat } from './imageRefs.ts';
import { inboundPorts, ipRanges } from './proxySettings.ts';
import { envKeyRefs, ignoredSettings, istiodRemoteRemoved } from './ignoredSettings.ts';
import { installPackageUrl, pilotCertProvider } from './installSettings.ts';
import { addonComponentNames, autoMtlsNeedsControlPlaneSecurity } from './legacyChecks.ts';
import { meshConfigRules } from './meshConfig.ts';
import { overlays } from './overlays.ts';
import { defaultProvidersWithoutMetrics } from './defaultProviders.ts';
import { profileName } from './profileName.ts';
import { replicaCountWithAutoscale } from './replicaCount.ts';
import { valuesTraps } from './valuesTraps.ts';
import type { DocumentPlace, Rule, RuleContext } from './ruleTypes.ts';

export const RULES: Rule[] = [hubFormat, tagFormat, revisionFormat, gatewayNames, privilegedPorts, ipRanges, inboundPorts, replicaCountWithAutoscale, ignoredSettings, envKeyRefs, istiodRemoteRemoved, valuesTraps, profileName, installPackageUrl, pilotCertProvider, addonComponentNames, autoMtlsNeedsControlPlaneSecurity, overlays, defaultProvidersWithoutMetrics, ...meshConfigRules];

export function runRules(doc: Document, schema: IstioSchema, profile: string, lines: LineIndex, place: DocumentPlace = {}): Diagnostic[] {
  const minor = Number(schema.version.split('.')[1]);
  const out: Diagnostic[] = [];
  const ctx: RuleContext = {
    doc,
    schema,
    minor,
    profile,
    place,
    get: cachedLookup(doc),
    report: (node, severity, code, message, path, fix) => {
      const [start, end] = nodeSpan(node, [0, 0]);
      const d = makeDiagnostic(lines.range(start, end), severity, code as DiagnosticCode, message, formatPath(path));
      if (fix) (d.data as DiagnosticData).fix = fix;
      out.push(d);
    },
  };
  for (const rule of RULES) if (minor >= rule.minors[0] && minor <= rule.minors[1]) rule.check(ctx);
  return out;
}

/**
 * The node at a path, each prefix looked up once per run: the rules ask for the same maps again
 * and again (every gateway, every component), and a long map's keys are searched one by one.
 */
function cachedLookup(doc: Document): (path: Step[]) => Node | undefined {
  const seen = new Map<string, unknown>();
  return (path) => {
    let node: unknown = doc.contents;
    let key = '';
    for (const step of path) {
      key += typeof step === 'number' ? `[${step}` : `.${step}`;
      if (seen.has(key)) { node = seen.get(key); } else {
        const parent = deref(doc, node);
        node = typeof step === 'number' ? (isSeq(parent) ? parent.items[step] : undefined) : isMap(parent) ? parent.items.find((p) => keyName(p) === step)?.value : undefined;
        seen.set(key, node);
      }
      if (node === undefined || node === null) return undefined;
    }
    return deref(doc, node) as Node | undefined;
  };
}
