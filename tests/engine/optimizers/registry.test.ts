import { describe, expect, it } from 'vitest';
import { OPTIMIZER_LIST, OPTIMIZERS } from '../../../src/engine/optimizers/index.ts';
import { defaultParams } from '../../../src/engine/validateParams.ts';

describe('optimizer registry', () => {
  it('lists every optimizer in the UI order', () => {
    expect(OPTIMIZER_LIST.map((o) => o.id)).toEqual([
      'sgd',
      'adagrad',
      'rmsprop',
      'adadelta',
      'adam',
      'adamw',
      'adamax',
      'nadam',
      'radam',
      'lion',
      'rprop',
      'asgd',
      'adafactor',
      'lamb',
      'lars',
      'schedulefree_adamw',
      'muon',
      'sam',
      'lbfgs',
      'newton',
    ]);
  });

  it('uses torch 1.13 defaults (from the torch.optim signatures)', () => {
    const d = (id: string) => defaultParams(OPTIMIZERS[id].params);
    expect(d('adagrad')).toEqual({
      lr: 1e-2,
      lr_decay: 0,
      weight_decay: 0,
      initial_accumulator_value: 0,
      eps: 1e-10,
    });
    expect(d('rmsprop')).toEqual({
      lr: 1e-2,
      alpha: 0.99,
      eps: 1e-8,
      weight_decay: 0,
      momentum: 0,
      centered: false,
    });
    expect(d('adadelta')).toEqual({ lr: 1.0, rho: 0.9, eps: 1e-6, weight_decay: 0 });
    expect(d('adam')).toEqual({
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weight_decay: 0,
      amsgrad: false,
    });
    expect(d('adamw')).toEqual({
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weight_decay: 1e-2,
      amsgrad: false,
    });
    expect(d('adamax')).toEqual({ lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0 });
    expect(d('nadam')).toEqual({
      lr: 2e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weight_decay: 0,
      momentum_decay: 4e-3,
    });
    expect(d('radam')).toEqual({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0 });
    // Lion's defaults are the paper's / lion-pytorch's.
    expect(d('lion')).toEqual({ lr: 1e-4, betas: [0.9, 0.99], weight_decay: 0 });
    expect(d('newton')).toEqual({ lr: 1, damping: 0 });
    expect(d('rprop')).toEqual({ lr: 1e-2, etas: [0.5, 1.2], step_sizes: [1e-6, 50] });
    expect(d('asgd')).toEqual({ lr: 1e-2, lambd: 1e-4, alpha: 0.75, t0: 1e6, weight_decay: 0 });
    expect(d('lbfgs')).toEqual({
      lr: 1,
      max_iter: 20,
      max_eval: null,
      tolerance_grad: 1e-7,
      tolerance_change: 1e-9,
      history_size: 100,
      line_search_fn: null,
    });
    // torch 2.5's Adafactor: eps = (None, 1e-3), None being float64's machine epsilon here.
    expect(d('adafactor')).toEqual({
      lr: 1e-2,
      beta2_decay: -0.8,
      eps: [2 ** -52, 1e-3],
      d: 1,
      weight_decay: 0,
    });
    // The reference implementations' defaults: torch-optimizer's Lamb, timm's Lars, and
    // schedule_free's AdamWScheduleFree.
    expect(d('lamb')).toEqual({
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-6,
      weight_decay: 0,
      clamp_value: 10,
      adam: false,
      debias: false,
    });
    expect(d('lars')).toEqual({
      lr: 1,
      momentum: 0,
      dampening: 0,
      weight_decay: 0,
      nesterov: false,
      trust_coefficient: 0.001,
      eps: 1e-8,
      trust_clip: false,
    });
    expect(d('schedulefree_adamw')).toEqual({
      lr: 0.0025,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weight_decay: 0,
      warmup_steps: 0,
      r: 0,
      weight_lr_power: 2,
    });
    // torch 2.9's Muon.
    expect(d('muon')).toEqual({
      lr: 1e-3,
      weight_decay: 0.1,
      momentum: 0.95,
      nesterov: true,
      ns_coefficients: [3.4445, -4.775, 2.0315],
      eps: 1e-7,
      ns_steps: 5,
      adjust_lr_fn: null,
      // Ours: the AdamW beside Muon on a network (torch.optim.AdamW's default lr).
      adamw_lr: 1e-3,
    });
  });

  it('names what OneCycleLR may cycle, and null where torch would raise', () => {
    const cycled = Object.fromEntries(OPTIMIZER_LIST.map((o) => [o.id, o.cycledMomentum]));
    expect(cycled).toEqual({
      sgd: 'momentum',
      adagrad: null,
      rmsprop: 'momentum',
      adadelta: null,
      adam: 'beta1',
      adamw: 'beta1',
      adamax: 'beta1',
      nadam: 'beta1',
      radam: 'beta1',
      lion: 'beta1',
      rprop: null,
      asgd: null,
      adafactor: null,
      lamb: 'beta1',
      lars: 'momentum',
      schedulefree_adamw: null,
      muon: 'momentum',
      sam: 'momentum',
      lbfgs: null,
      newton: null,
    });
  });

  it('describes every optimizer and parameter for the UI', () => {
    for (const o of OPTIMIZER_LIST) {
      expect(o.reference, o.id).not.toBe('');
      expect(o.rule, o.id).not.toBe('');
      expect(o.summary.length, o.id).toBeGreaterThan(40);
      for (const s of o.specsFor ? o.specsFor({}) : o.params) {
        expect(s.help.length, `${o.id}.${s.name}`).toBeGreaterThan(20);
        if (s.kind === 'number' || s.kind === 'tuple') {
          const lo = s.sliderMin ?? s.min;
          const hi = s.sliderMax ?? s.max;
          expect(lo, `${o.id}.${s.name} slider`).toBeGreaterThanOrEqual(s.min);
          expect(hi, `${o.id}.${s.name} slider`).toBeLessThanOrEqual(s.max);
          expect(lo, `${o.id}.${s.name} slider`).toBeLessThan(hi);
          if (s.kind === 'number' && s.log) expect(lo, `${o.id}.${s.name} log`).toBeGreaterThan(0);
        }
      }
    }
  });
});
