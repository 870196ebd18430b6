// `components.*.k8s.overlays`: targets, patch paths and values as each istioctl release applies
// them (the checks live in ../overlays/, with the release differences in overlayEras.ts).
import { checkOverlays } from '../overlays/overlayChecks.ts';
import { LATEST } from '../releases.ts';
import type { Rule } from './ruleTypes.ts';

export const overlays: Rule = { minors: [5, LATEST], check: checkOverlays };
