// Turns a diagnostic's rewrite into text edits on the file as it is now.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Limits } from '../parse/limits.ts';
import type { ParsedFile, YamlDoc } from '../parse/parse.ts';
import type { IstioSchema } from '../schema/schemaStore.ts';
import type { Rewrite } from './forms.ts';
import { moveKey, movePath, volumesToOverlays } from './moves.ts';
import { rewriteForm, type OffsetEdit } from './rewrite.ts';

export function resolveRewrite(file: ParsedFile, doc: YamlDoc, rewrite: Rewrite, istio: IstioSchema, limits: Limits): TextEdit[] | undefined {
  let edits: OffsetEdit[] | undefined;
  switch (rewrite.kind) {
    case 'kubernetes-form':
    case 'protobuf-form':
    case 'hpa-v2': {
      const e = rewriteForm(file.text, doc.index, rewrite, istio, limits);
      edits = e ? [e] : undefined;
      break;
    }
    case 'move-key': edits = moveKey(file.text, doc.doc, rewrite); break;
    case 'move-path': edits = movePath(file.text, doc.doc, rewrite); break;
    case 'volumes-to-overlays': edits = volumesToOverlays(file.text, doc.doc, rewrite); break;
  }
  return edits?.map((e) => ({ range: file.lines.range(e.start, e.end), newText: e.newText }));
}
