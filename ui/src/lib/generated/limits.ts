// Generated from the limits in core/src/validate.rs by `tandem_core::bindings`. Do not
// edit: run `TANDEM_BLESS=1 cargo test -p tandem-core bindings` after changing them.
// Lengths are in characters (Unicode code points: `[...text].length`).

/** Short fields: names, titles, places. */
export const MAX_SHORT_CHARS = 300

/** Long fields: notes, agreement texts, progress notes. */
export const MAX_LONG_CHARS = 5000000

/** One topic. */
export const MAX_TOPIC_CHARS = 60

/** Topics of one session (a count). */
export const MAX_TOPICS = 30

/** One action item. */
export const MAX_ACTION_CHARS = 2000

/** One SWOT item or strategy. */
export const MAX_ITEM_CHARS = 1000

/** The reason for a SWOT snapshot. */
export const MAX_REASON_CHARS = 1000
