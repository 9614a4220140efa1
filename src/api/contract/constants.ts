/**
 * The contract's plain constants, in a module with no schemas: the first page's own code reads
 * them without building the contract's schemas (zod), which load with the first API call.
 */

/** Rounds a page shows at first, and adds with each "Show older rounds": a year's quarters. */
export const RETURN_ROUNDS_PAGE = 4;
