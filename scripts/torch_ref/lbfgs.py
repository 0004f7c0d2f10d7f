"""LBFGS: torch 1.13's own class. Its rules (lbfgs.py: the two-loop recursion, the fixed-step
and strong-Wolfe branches, _strong_wolfe and _cubic_interpolate) are those of torch 2.x.

Every case runs as opt.step(closure), recording the closure evaluations of each step.
"""

import torch

OPTIMIZERS = {'lbfgs': torch.optim.LBFGS}

ROSEN_START = (-1.5, 2.0)
SW = 'strong_wolfe'

CASES = [
    dict(name='lbfgs strong_wolfe on rosenbrock', surface='rosenbrock', optimizer='lbfgs',
         params={'line_search_fn': SW}, start=ROSEN_START, steps=8),
    dict(name='lbfgs fixed step on rosenbrock', surface='rosenbrock', optimizer='lbfgs',
         params={'lr': 0.2, 'max_iter': 5}, start=ROSEN_START, steps=30),
    dict(name='lbfgs defaults on ravine', surface='ravine', optimizer='lbfgs', params={},
         start=(-2.0, 2.5), steps=5),
    dict(name='lbfgs strong_wolfe short history on himmelblau', surface='himmelblau',
         optimizer='lbfgs', params={'line_search_fn': SW, 'max_iter': 4, 'history_size': 2},
         start=(-0.5, 0.5), steps=10),
    dict(name='lbfgs strong_wolfe max_eval on transcendental', surface='transcendental',
         optimizer='lbfgs', params={'line_search_fn': SW, 'max_iter': 10, 'max_eval': 6,
                                    'tolerance_grad': 1e-5},
         start=(2.0, 1.5), steps=10),
    dict(name='lbfgs strong_wolfe on noisy quartic_saddle', surface='quartic_saddle',
         optimizer='lbfgs', params={'line_search_fn': SW, 'max_iter': 3},
         start=(2.0, 0.05), steps=10, noise={'sigma': 0.05, 'seed': 11}),
]

TENSOR_CASES = [
    dict(name='lsq lbfgs fixed step', optimizer='lbfgs', params={'lr': 0.5, 'max_iter': 4},
         steps=10),
    dict(name='lsq lbfgs strong_wolfe', optimizer='lbfgs',
         params={'line_search_fn': SW, 'history_size': 3, 'max_iter': 5}, steps=6),
]
