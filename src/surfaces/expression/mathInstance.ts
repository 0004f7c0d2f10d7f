import { create, derivativeDependencies, parseDependencies, simplifyDependencies } from 'mathjs';

/**
 * A lean mathjs instance with only parse, derivative and simplify (and what they pull in), so
 * the browser bundle does not carry all of mathjs. It has no evaluate, no units and no import:
 * nothing typed can run here, it is only parsed and differentiated as a tree.
 */
export const math = create({ parseDependencies, derivativeDependencies, simplifyDependencies });
