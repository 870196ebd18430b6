// A pasted istioctl command line as an IstioOperator: its --set flags written into an empty
// tree the way the release's istioctl writes them (flagTree.ts), printed as YAML.
import { commandLineFlags, type CommandLineFlags } from './commandLine.ts';
import { applySetFlags, type FlagError } from './flagTree.ts';
import { get, isObject, type Json } from './jsonTree.ts';
import { readFlag, setFlagEra } from './valueTyping.ts';
import { blockText } from './yamlText.ts';

export interface FromFlagsResult {
  /** `{apiVersion, kind, spec}`. */
  operator: { apiVersion: string; kind: string; spec: Json };
  yaml: string;
  /** Flags istioctl would reject, or that mean something no file says; they are left out. */
  errors: FlagError[];
  /** What was skipped or should be known (files named with -f, aliases, bare lines). */
  notes: string[];
  flags: string[];
  releases: string;
}

export function flagsToOperator(commandLine: string, version: string): FromFlagsResult {
  return operatorFromFlags(commandLineFlags(commandLine), version);
}

export function operatorFromFlags(line: CommandLineFlags, version: string): FromFlagsResult {
  const era = setFlagEra(version);
  const { root, errors } = applySetFlags(era, undefined, line.flags);
  const spec = get(root, 'spec') ?? {};
  const operator = { apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator', spec: isObject(spec) ? spec : {} };
  return { operator, yaml: `${blockText(operator)}\n`, errors, notes: notesOf(line, version), flags: line.flags, releases: era.releases };
}

/** What the reader of the YAML should know about the command line. */
export function notesOf(line: CommandLineFlags, version: string): string[] {
  const era = setFlagEra(version);
  const notes = [...line.problems];
  if (line.bare) notes.push(`no --set flag: the ${line.flags.length} \`path=value\` word(s) were read as --set flags`);
  for (const f of line.files) notes.push(`-f ${f}: not read (only the --set flags are turned into YAML; istioctl would merge them over this file)`);
  for (const a of line.aliases) {
    const setting = /^(--revision|-r)\b/.test(a) ? 'revision' : 'installPackagePath';
    notes.push(`${a}: not read (istioctl adds it as --set ${setting}=…, after the --set flags)`);
  }
  for (const flag of line.flags) {
    const r = readFlag(era, flag);
    if (!('message' in r) && typeof r.value === 'number' && String(r.value) !== r.raw) {
      notes.push(`--set ${flag}: istioctl ${era.releases} reads \`${r.raw}\` as the number ${r.value}`);
    }
  }
  if (era.specRoot === 'stripped-then-prepended') {
    // ReadYamlProfile and GenIOPFromProfile (shared.go@1.20.8:136-244) look for exactly `profile` and `installPackagePath`.
    for (const flag of line.flags) {
      const r = readFlag(era, flag);
      if ('message' in r) continue;
      const p = r.path;
      if (p === 'spec.profile' || p === 'spec.installPackagePath') {
        notes.push(`--set ${flag}: istioctl ${era.releases} chooses the ${p.slice(5) === 'profile' ? 'profile' : 'charts'} only from \`--set ${p.slice(5)}=\`; with \`spec.\` it is written into the tree but the default is used`);
      }
    }
  }
  return notes;
}
