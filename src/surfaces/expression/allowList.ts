/**
 * What a user may type. Every function here has an exact derivative rule in mathjs's
 * `derivative` (abs gets a subgradient, see differentiate.ts), so gradients and Hessians stay
 * exact. Deliberately left out: atan2, min, max, sign, floor and friends (no derivative rule in
 * mathjs, or a derivative that is zero almost everywhere), log10/log2 (write log(u, 10)).
 */
export const VARIABLES: readonly string[] = ['x', 'y'];

/** Named constants and their values (mathjs's own: pi = Math.PI, e = Math.E). */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/** Allowed functions with their argument counts. log(u) is natural; log(u, b) = log(u)/log(b). */
export const FUNCTIONS: Readonly<Record<string, { minArgs: number; maxArgs: number }>> =
  Object.fromEntries(
    'sin cos tan sinh cosh tanh exp log sqrt abs asin acos atan'
      .split(' ')
      .map((name) => [name, { minArgs: 1, maxArgs: name === 'log' ? 2 : 1 }]),
  );

export const FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);

export const isFunctionName = (name: string): boolean => Object.hasOwn(FUNCTIONS, name);
export const isConstantName = (name: string): boolean => Object.hasOwn(CONSTANTS, name);
export const isVariableName = (name: string): boolean => VARIABLES.includes(name);
