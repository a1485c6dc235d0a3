/** A witness may act at most this many times in any window of this many days, across every centre. */
export const WITNESS_MAX_ACTS = 3;
export const WITNESS_WINDOW_DAYS = 120;
