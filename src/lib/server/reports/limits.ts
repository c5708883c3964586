/** A report's document may not grow past this (bytes stored: snapshot and change log). */
export const MAX_REPORT_BYTES = 200 * 1024;
