// How istioctl applies `k8s.overlays`, per release range: read from its source (citations are
// path@tag:lines in istio/istio). One row per behaviour change; overlayChecks.ts reads the rows.
//
// 1.5: patch.YAMLManifestPatch keys the overlays by object.Hash(kind, component namespace, name) and
//      fails for a key no object has ("overlay for %s does not match any object in output
//      manifest"), operator/pkg/patch/patch.go@1.5.10:108-176,212-218; Hash drops the namespace only
//      for ClusterRole, ClusterRoleBinding and MeshPolicy (operator/pkg/object/objects.go@1.5.10:76-83).
//      tpath.GetPathContext never creates a missing map (tpath/tpath.go@1.5.10:71-73,162-175),
//      takes `[N]` up to 65535 (util/path.go@1.5.10:33,122-131) and indexes lst[-1] for `[-1]`,
//      a panic (tpath.go@1.5.10:102-112); a null value deletes list items only (:275-289).
// 1.6: overlays matched by kind and name in the component namespace or none (patch.go@1.6.14:104-112);
//      no match, or several, fail (:147-157); each matching overlay patches the object as rendered,
//      so only the last one is kept (:134-141). A string value holding `: ` is read as YAML
//      (tpath/tree.go@1.6.14:540-563); GetPathContext is still called without createMissing (:180).
// 1.7–1.23: createMissing (patch.go@1.7.8:180, @1.20.8:193): missing maps are created and an index
//      past the end (or -1) appends (tree.go@1.9.9:185-190, @1.20.8:182-187). Otherwise as 1.6
//      (patch.go@1.20.8:116-171,175-211). An empty path is skipped with a log line (:188-191).
// 1.24+: render.postProcess applies every overlay to each manifest of the component with the same
//      kind and name, one after the other, apiVersion ignored; an overlay matching nothing does
//      nothing (operator/pkg/render/postprocess.go@1.24.6:166-183); a patch error fails the
//      command (:177-180, :216-229). There is no empty-path check: the root is the target, where a
//      value does nothing and a null fails ("cannot delete root element", tree.go@1.24.6:74-83,295-297).
import { LATEST } from '../releases.ts';

export interface OverlayEra {
  minors: [number, number];
  /** Where the matching is, for messages. */
  source: string;
  /** What an overlay that matches no object does. */
  noMatch: 'error' | 'nothing';
  /** The text istioctl prints for it (%k kind, %n name). */
  noMatchText?: string;
  /** Two overlays on one object: only the last one is applied (where istioctl does so). */
  lastOverlayWins: boolean;
  lastOverlaySource?: string;
  /** Cluster-scoped objects that can be matched; undefined: all. */
  clusterKinds?: string[];
  /** GetPathContext creates missing maps, and an index past the end appends. */
  createsMissing: boolean;
  /** `[-1]` indexes the list at -1: a panic. */
  minusOneCrashes: boolean;
  maxIndex?: number;
  /** A string value with `: ` (or a multi-line one with `:`) is read as YAML. */
  stringAsYaml: boolean;
  stringSource?: string;
  /** An empty path: skipped (≤1.23), or the object's root (1.24+). */
  emptyPath: 'skipped' | 'root';
  emptyPathSource: string;
  /** A null value deletes a map key (1.5: list items only). */
  deletesMapKeys: boolean;
  /** Where the path is walked, for messages. */
  treeSource: string;
}

export const OVERLAY_ERAS: readonly OverlayEra[] = [
  {
    minors: [5, 5], source: 'patch.go@1.5.10:126-137', noMatch: 'error', noMatchText: 'overlay for %k:<namespace>:%n does not match any object in output manifest',
    lastOverlayWins: true, lastOverlaySource: 'patch.go@1.5.10:212-218', clusterKinds: ['ClusterRole', 'ClusterRoleBinding', 'MeshPolicy'], createsMissing: false, minusOneCrashes: true, maxIndex: 65535,
    stringAsYaml: false, emptyPath: 'skipped', emptyPathSource: 'patch.go@1.5.10:191-194', deletesMapKeys: false, treeSource: 'tpath/tpath.go@1.5.10:77-210',
  },
  {
    minors: [6, 6], source: 'patch.go@1.6.14:147-157', noMatch: 'error', noMatchText: 'overlay for %k:%n does not match any object in output manifest',
    lastOverlayWins: true, lastOverlaySource: 'patch.go@1.6.14:134-141', createsMissing: false, minusOneCrashes: true, stringAsYaml: true, stringSource: 'tpath/tree.go@1.6.14:540-563', emptyPath: 'skipped', emptyPathSource: 'patch.go@1.6.14:175-178', deletesMapKeys: true, treeSource: 'tpath/tree.go@1.6.14:148-317',
  },
  {
    minors: [7, 23], source: 'patch.go@1.20.8:158-168', noMatch: 'error', noMatchText: 'overlay for %k:%n does not match any object in output manifest',
    lastOverlayWins: true, lastOverlaySource: 'patch.go@1.20.8:145-150', createsMissing: true, minusOneCrashes: false, stringAsYaml: true, stringSource: 'tpath/tree.go@1.20.8:543-566', emptyPath: 'skipped', emptyPathSource: 'patch.go@1.20.8:188-191', deletesMapKeys: true, treeSource: 'tpath/tree.go@1.20.8:146-316',
  },
  {
    minors: [24, LATEST], source: 'postprocess.go@1.24.6:166-183', noMatch: 'nothing',
    lastOverlayWins: false, createsMissing: true, minusOneCrashes: false, stringAsYaml: true, stringSource: 'tpath/tree.go@1.24.6:412-435', emptyPath: 'root', emptyPathSource: 'postprocess.go@1.24.6:217-219, tree.go@1.24.6:74-83,295-297', deletesMapKeys: true, treeSource: 'tpath/tree.go@1.24.6:105-275',
  },
];

export function overlayEra(minor: number): OverlayEra {
  const era = OVERLAY_ERAS.find((e) => minor >= e.minors[0] && minor <= e.minors[1]);
  if (!era) throw new Error(`no overlay era for 1.${minor}`);
  return era;
}
