/**
 * How much of a file the CLI reads before refusing it. A speech draft is tens
 * of kilobytes and the largest compilation a few megabytes; 64 MiB is far
 * beyond any real one yet keeps a stray video or disk image from filling the
 * memory. A .docx is a zip: its file bytes get the same bound (images make
 * real ones a few megabytes), and what it unpacks to is bounded by the Word
 * importer itself.
 */
export const MAX_DRAFT_BYTES = 64 * 1024 * 1024;
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;
