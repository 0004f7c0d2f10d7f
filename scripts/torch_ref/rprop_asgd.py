"""Rprop and ASGD: torch 1.13's own classes, whose single-tensor rules are line for line those
of torch 2.x (rprop.py and asgd.py; 2.x adds only capturable / differentiable branches).

ASGD exposes its averaged iterate `ax` (state['ax'] of every param, flattened in param order)
as the side path the engine draws.
"""

import torch


class ASGD(torch.optim.ASGD):
    SIDE_PATHS = ('ax',)

    def side_paths(self):
        params = [p for g in self.param_groups for p in g['params']]
        return {'ax': torch.cat([self.state[p]['ax'].reshape(-1) for p in params])}


OPTIMIZERS = {'rprop': torch.optim.Rprop, 'asgd': ASGD}

ROSEN_START = (-1.5, 2.0)

CASES = [
    dict(name='rprop defaults on rosenbrock', surface='rosenbrock', optimizer='rprop',
         params={}, start=ROSEN_START, steps=300),
    dict(name='rprop etas and step_sizes on ravine', surface='ravine', optimizer='rprop',
         params={'lr': 0.05, 'etas': [0.3, 1.5], 'step_sizes': [1e-4, 0.5]},
         start=(-2.0, 2.5), steps=200),
    dict(name='rprop on quartic_saddle from the saddle line', surface='quartic_saddle',
         optimizer='rprop', params={'lr': 0.1}, start=(2.0, 0.0), steps=120),
    dict(name='rprop etas out of order is rejected', surface='rosenbrock', optimizer='rprop',
         params={'etas': [1.2, 0.5]}, start=ROSEN_START, steps=10, error_params=['etas']),
    dict(name='asgd averaging from t0 on noisy ravine', surface='ravine', optimizer='asgd',
         params={'lr': 0.02, 't0': 50}, start=(-2.0, 2.5), steps=200,
         noise={'sigma': 3.0, 'seed': 7}),
    dict(name='asgd lambd alpha weight_decay on himmelblau', surface='himmelblau',
         optimizer='asgd', params={'lr': 0.01, 'lambd': 0.05, 'alpha': 0.5, 't0': 20,
                                   'weight_decay': 0.01},
         start=(-0.5, 0.5), steps=200),
    dict(name='asgd defaults on rosenbrock', surface='rosenbrock', optimizer='asgd',
         params={'lr': 1e-3}, start=ROSEN_START, steps=200),
]

TENSOR_CASES = [
    dict(name='lsq rprop', optimizer='rprop', params={'lr': 0.01}),
    dict(name='lsq asgd', optimizer='asgd', params={'lr': 0.05, 't0': 10, 'weight_decay': 0.01}),
]
