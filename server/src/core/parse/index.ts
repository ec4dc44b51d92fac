export { parse } from './document';
export { canonicalMarker, matchSectionMarker, findItemMarkers } from './markers';
