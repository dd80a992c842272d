/**
 * Bounds on what lowering will build. Macros calling macros and modules holding modules
 * multiply: a hostile file of a few lines could ask for billions of copies. Real models stay
 * far below these.
 */
export const MAX_MACRO_EXPANSIONS = 10_000;
export const MAX_MODULE_INSTANCES = 10_000;
