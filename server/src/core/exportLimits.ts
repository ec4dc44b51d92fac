/**
 * Bounds of the Word export's grid options. Here, not in the export module, so
 * the configuration reader can check `.speechlintrc.json` against them without
 * pulling the Word libraries into the core.
 */

/** Outside these the page stops looking like a document at 3号. */
export const GRID_LIMITS = { linesPerPage: { min: 15, max: 30 }, charsPerLine: { min: 20, max: 35 } } as const;

export type GridOption = keyof typeof GRID_LIMITS;
