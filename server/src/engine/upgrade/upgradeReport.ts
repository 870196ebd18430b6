// What the same IstioOperator file means on a later release: the settings that moved, went or now
// fail (the engine's diagnostics at every release on the way, compared), the defaults that change
// under it, the commands that change, and the hops of an in-place upgrade.
import type { Diagnostic } from 'vscode-languageserver-types';
import { isMap, isScalar } from 'yaml';
import type { EffectiveResult } from '../effective/effective.ts';
import type { Json } from '../effective/merge.ts';
import type { LineIndex } from '../parse/lineIndex.ts';
import type { YamlDoc } from '../parse/parse.ts';
import { commandChanges, upgradeHops, type CommandChange } from './commands.ts';
import { defaultChanges, type DefaultChange } from './defaultChanges.ts';
import { settingChanges, type SettingChange } from './diagnosticChanges.ts';

export interface Release { version: string; tag: string }

export type FindingKind = SettingChange['kind'] | 'default-changed' | 'command' | 'upgrade-path' | 'pinned';

/** One line of `--format json`. */
export interface UpgradeFinding {
  kind: FindingKind;
  path?: string;
  line?: number;
  message: string;
  /** The release that brings the change. */
  release: string;
  severity?: 'error' | 'warning';
  replacement?: string;
  before?: Json;
  after?: Json;
}

export interface UpgradeReport {
  from: Release;
  to: Release;
  /** Each minor an in-place upgrade goes through, after `from`, ending with `to`. */
  hops: Release[];
  settings: SettingChange[];
  defaults: DefaultChange[];
  commands: CommandChange[];
  /** Settings that tie the file to the old release (`spec.tag`, the `# istio-version:` comment). */
  pinned: UpgradeFinding[];
  findings: UpgradeFinding[];
}

export interface UpgradeInputs {
  from: string;
  to: string;
  releases: Release[];
  doc: YamlDoc;
  text: string;
  lines: LineIndex;
  diagnosticsAt: (version: string) => Diagnostic[];
  effectiveAt: (version: string) => EffectiveResult;
}

export type UpgradeResult = { ok: true; report: UpgradeReport } | { ok: false; message: string };

const minorOf = (v: string) => Number(v.split('.')[1]);

export function upgradeReport(input: UpgradeInputs): UpgradeResult {
  const { from, to, releases } = input;
  const release = (v: string) => releases.find((r) => r.version === v);
  const fromRelease = release(from);
  const toRelease = release(to);
  if (!toRelease) return { ok: false, message: `Istio ${to} is not bundled (${releases[0].version}–${releases[releases.length - 1].version}).` };
  if (!fromRelease) return { ok: false, message: `Istio ${from} is not bundled.` };
  if (minorOf(to) <= minorOf(from)) return { ok: false, message: `The file is read as Istio ${from}; pick a later release than that to upgrade to (istioctl does not downgrade in place).` };
  const path = releases.filter((r) => minorOf(r.version) >= minorOf(from) && minorOf(r.version) <= minorOf(to));
  const settings = settingChanges(path.map((r) => ({ release: r.version, diagnostics: input.diagnosticsAt(r.version) })));
  const configs = path.flatMap((r) => { const e = input.effectiveAt(r.version); return e.ok ? [{ release: r.version, config: e.config }] : []; });
  const defaults = configs.length === path.length ? defaultChanges(configs) : [];
  const commands = commandChanges(minorOf(from), minorOf(to));
  const hops = upgradeHops(minorOf(from), minorOf(to)).map((m) => release(`1.${m}`)!).filter(Boolean);
  const pinned = pins(input, fromRelease, toRelease);
  const report: UpgradeReport = { from: fromRelease, to: toRelease, hops, settings, defaults, commands, pinned, findings: [] };
  report.findings = flatten(report);
  return { ok: true, report };
}

/** `spec.tag: 1.5.2` keeps installing 1.5 images with a newer istioctl; the comment keeps the editor on 1.5. */
function pins(input: UpgradeInputs, from: Release, to: Release): UpgradeFinding[] {
  const out: UpgradeFinding[] = [];
  const root = input.doc.doc.contents;
  const spec = isMap(root) ? root.get('spec', true) : undefined;
  const tag = isMap(spec) ? spec.get('tag', true) : undefined;
  if (isScalar(tag) && tag.range) {
    const value = String(tag.source ?? tag.value);
    const m = /^v?1\.(\d+)/.exec(value);
    if (m && Number(m[1]) < minorOf(to.version)) {
      out.push({ kind: 'pinned', path: 'spec.tag', line: input.lines.position(tag.range[0]).line + 1, release: to.version, severity: 'warning',
        message: `\`tag: ${value}\` pins the Istio 1.${m[1]} images: istioctl ${to.version} would install them with its own ${to.version} control-plane settings. Set it to \`${to.tag}\` (or remove it to use istioctl's).`, before: value, after: to.tag });
    }
  }
  const comment = /^[ \t]*#[ \t]*istio-version:[ \t]*(\S+)/m.exec(input.text.slice(input.doc.start, input.doc.end));
  if (comment) {
    const offset = input.doc.start + comment.index;
    out.push({ kind: 'pinned', line: input.lines.position(offset).line + 1, release: to.version,
      message: `The comment \`# istio-version: ${comment[1]}\` keeps the editor and iop-lint on ${from.version}: change it to \`${to.version}\` once the file is upgraded.` });
  }
  return out;
}

function flatten(r: UpgradeReport): UpgradeFinding[] {
  const out: UpgradeFinding[] = [];
  for (const s of r.settings) {
    const first = s.history[0];
    const how = first && first.message !== s.message ? ` (first in ${first.release}: ${first.message})` : '';
    out.push({ kind: s.kind, path: s.path.replace(/^spec\./, ''), line: s.line, message: `${s.message}${how}`, release: s.release, severity: s.severity, replacement: s.replacement });
  }
  out.push(...r.pinned);
  for (const d of r.defaults) {
    out.push({ kind: 'default-changed', path: d.path, message: `${d.path}: ${show(d.before)} at ${r.from.version}, ${show(d.after)} from ${d.release} (${d.origin}).`, release: d.release, before: d.before, after: d.after });
  }
  for (const c of r.commands) {
    out.push({ kind: 'command', message: `${c.task}: ${describe(c.before)} → ${describe(c.after)}.`, release: `1.${c.release}` });
  }
  if (r.hops.length > 1) {
    out.push({ kind: 'upgrade-path', release: r.to.version,
      message: `In-place upgrades go one minor at a time: ${[r.from, ...r.hops].map((h) => h.version).join(' → ')} (${r.hops.length} upgrades, each with that release's istioctl).` });
  }
  return out;
}

export function show(v: Json): string {
  return v === undefined ? 'unset' : JSON.stringify(v);
}

export function describe(f: { command?: string; note?: string }): string {
  return f.command ? `\`${f.command}\`${f.note ? ` (${f.note})` : ''}` : (f.note ?? 'none');
}
