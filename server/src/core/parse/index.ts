export { parse, parseSteps } from './document';
export { canonicalMarker, matchSectionMarker, findItemMarkers } from './markers';
