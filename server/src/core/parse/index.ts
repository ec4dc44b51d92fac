export { parse, parseSteps } from './document';
export { canonicalMarker, matchSectionMarker, findItemMarkers } from './markers';
export { reparse, reparseSteps, speechFingerprint } from './incremental';
