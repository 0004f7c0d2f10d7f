/**
 * Points where a surface is not twice differentiable (a cone's tip): finite differences cannot
 * agree there and the Hessian is a documented convention, so tests treat them separately.
 */
export const KINKS: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  ackley: [[0, 0]],
};
