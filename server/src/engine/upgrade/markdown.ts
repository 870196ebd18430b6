// The upgrade report as Markdown: what the CLI prints and the extension opens as a preview.
import { describe, show, type UpgradeReport } from './upgradeReport.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const mark = (severity: 'error' | 'warning') => (severity === 'error' ? '**error**' : 'warning');

export function upgradeMarkdown(r: UpgradeReport, fileName: string): string {
  const { from, to } = r;
  const errors = r.settings.filter((s) => s.severity === 'error').length;
  const out: string[] = [
    `# Upgrade check: ${fileName}, Istio ${from.version} → ${to.version}`,
    '',
    `The file read at every release from ${from.version} (${from.tag}) to ${to.version} (${to.tag}), with the schemas and profiles bundled with iop-lint; nothing was installed or run.`,
    '',
    '| | |',
    '|---|---|',
    `| Settings to change | ${r.settings.length}${r.settings.length ? ` (${errors} ${errors === 1 ? 'error' : 'errors'} at ${to.version})` : ''} |`,
    `| Pinned to ${from.version} | ${r.pinned.length} |`,
    `| Defaults that change under the file | ${r.defaults.length} |`,
    `| Commands that change | ${r.commands.length} |`,
    `| In-place upgrades | ${r.hops.length}: ${[from, ...r.hops].map((h) => h.version).join(' → ')} |`,
    '',
  ];

  out.push('## Settings in this file', '');
  if (!r.settings.length) out.push(`Nothing the file sets is moved, removed or refused on the way to ${to.version}.`, '');
  for (const s of r.settings) {
    const where = s.path ? `\`${s.path.replace(/^spec\./, '')}\`` : 'The file';
    out.push(`### ${where} (line ${s.line}): ${s.kind.replace('-', ' ')}`, '');
    for (const step of s.history) out.push(`- ${step.release}, ${mark(step.severity)}: ${step.message}`);
    if (s.replacement) out.push(`- The quick fix "Move to \`${s.replacement}\`" moves it, keeping its value and comments.`);
    out.push('');
  }

  if (r.pinned.length) {
    out.push(`## Pinned to ${from.version}`, '');
    for (const p of r.pinned) out.push(`- Line ${p.line}: ${p.message}`);
    out.push('');
  }

  out.push('## Defaults that change under the file', '');
  if (!r.defaults.length) out.push(`No default of the installed parts has a different value at ${to.version}.`, '');
  else {
    out.push(`Values the file does not set, for the components it installs: the profile's (and from 1.21 the charts') defaults. Set one in the file to keep the ${from.version} behaviour.`, '');
    out.push(`| Setting | ${from.version} | ${to.version} | Changed in | Now from |`, '|---|---|---|---|---|');
    for (const d of r.defaults) out.push(`| \`${cell(d.path)}\` | \`${cell(show(d.before))}\` | \`${cell(show(d.after))}\` | ${d.release} | ${d.origin} |`);
    out.push('');
  }

  out.push('## Commands', '');
  if (!r.commands.length) out.push(`The istioctl commands for this file are the same at ${to.version}.`, '');
  else {
    out.push('| Task | Changed in | Before | After |', '|---|---|---|---|');
    for (const c of r.commands) out.push(`| ${c.task} | 1.${c.release} | ${cell(describe(c.before))} | ${cell(describe(c.after))} |`);
    out.push('');
  }

  out.push('## The upgrade, hop by hop', '');
  out.push(`istioctl upgrades in place one minor at a time: run each release's own istioctl with this file (\`istioctl install -f\`, or \`manifest apply\` on 1.5), and fix what that hop changes first.`, '');
  r.hops.forEach((hop, i) => {
    const events = [
      ...r.settings.flatMap((s) => s.history.filter((h) => h.release === hop.version).map((h) => `\`${s.path.replace(/^spec\./, '')}\` (line ${s.line}): ${h.severity}`)),
      ...r.defaults.filter((d) => d.release === hop.version).map((d) => `default \`${d.path}\` → \`${show(d.after)}\``),
      ...r.commands.filter((c) => `1.${c.release}` === hop.version).map((c) => `${c.task} command`),
    ];
    out.push(`${i + 1}. **${hop.version}** (istioctl ${hop.tag}): ${events.length ? events.join('; ') : 'nothing in this file changes'}`);
  });
  out.push('');
  return out.join('\n');
}
