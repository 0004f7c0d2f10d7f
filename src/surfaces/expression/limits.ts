/** Caps on what a user may type; they keep parsing per keystroke and differentiation cheap. */
export const MAX_SOURCE_LENGTH = 500;
/** Deepest allowed nesting of parentheses (function calls count as a level). */
export const MAX_NESTING_DEPTH = 40;
/**
 * Largest derivative expression tree we keep, in mathjs nodes. mathjs's derivative copies
 * subtrees, so long products grow it cubically by the second derivative; past this we refuse.
 */
export const MAX_DERIVATIVE_NODES = 200_000;
/**
 * Largest first derivative we differentiate again: a cheap early stop before the second
 * derivative could blow past MAX_DERIVATIVE_NODES while being built.
 */
export const MAX_FIRST_DERIVATIVE_NODES = 20_000;
/** Largest tree handed to mathjs's simplify, which gets very slow (seconds) on big trees. */
export const MAX_SIMPLIFY_NODES = 60;
