import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../../src/engine/optimizers/index.ts';
import { FieldError, resolveParams, specsOf } from '../../../src/engine/validateParams.ts';

/** The error our validation gives for raw params, or null when they are accepted. */
function rejection(id: string, raw: Record<string, unknown>): string | null {
  const def = OPTIMIZERS[id];
  try {
    const params = resolveParams(specsOf(def, raw), raw, 'params');
    return def.check?.(params) ?? null;
  } catch (e) {
    if (e instanceof FieldError) return e.message;
    throw e;
  }
}

describe("torch's constructor ValueErrors", () => {
  // Each row is a config torch 1.13's constructor rejects, with the parameter it names.
  const rejected: [string, Record<string, unknown>, string][] = [
    ['sgd', { momentum: 0.9, dampening: 0.1, nesterov: true }, 'nesterov'],
    ['sgd', { nesterov: true }, 'nesterov'],
    ['sgd', { momentum: -0.1 }, 'momentum'],
    ['adagrad', { lr_decay: -1 }, 'lr_decay'],
    ['adagrad', { initial_accumulator_value: -1 }, 'initial_accumulator_value'],
    ['adagrad', { eps: -1e-10 }, 'eps'],
    ['rmsprop', { alpha: -0.1 }, 'alpha'],
    ['rmsprop', { momentum: -0.5 }, 'momentum'],
    ['adadelta', { rho: 1.5 }, 'rho'],
    ['adam', { betas: [1.0, 0.999] }, 'betas'],
    ['adam', { betas: [0.9, -0.1] }, 'betas'],
    ['adam', { weight_decay: -0.01 }, 'weight_decay'],
    ['adamw', { lr: -1e-3 }, 'lr'],
    ['nadam', { momentum_decay: -1 }, 'momentum_decay'],
    ['radam', { eps: -1 }, 'eps'],
    ['newton', { damping: -1 }, 'damping'],
    ['sam', { rho: -0.05 }, 'rho'],
    ['sam', { base: 'newton' }, 'base'],
    ['sam', { base: 'adam', betas: [0.9, 1.0] }, 'betas'],
  ];
  it.each(rejected)('%s rejects %j naming %s', (id, raw, name) => {
    const message = rejection(id, raw);
    expect(message).not.toBeNull();
    expect(message).toContain(name);
  });

  it('accepts the boundary values torch accepts', () => {
    expect(rejection('sgd', { momentum: 0.9, nesterov: true })).toBeNull();
    expect(rejection('adadelta', { rho: 1 })).toBeNull();
    expect(rejection('adam', { betas: [0, 0], eps: 0 })).toBeNull();
    expect(rejection('sam', { rho: 0 })).toBeNull();
  });

  it("SAM applies its base optimizer's own checks", () => {
    expect(rejection('sam', { base: 'sgd', nesterov: true })).toContain('nesterov');
    expect(rejection('sam', { base: 'sgd', nesterov: true, momentum: 0.9 })).toBeNull();
  });

  it("SAM only accepts its base optimizer's parameters", () => {
    expect(rejection('sam', { base: 'adam', momentum: 0.9 })).toContain('momentum');
    expect(rejection('sam', { base: 'sgd', betas: [0.9, 0.99] })).toContain('betas');
  });
});
