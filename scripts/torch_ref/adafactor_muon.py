"""Adafactor (torch >= 2.5) and Muon (torch >= 2.9), which torch 1.13 lacks: written here with
torch tensor ops, line for line after torch 2.x's `_single_tensor_adafactor` and
`_single_tensor_muon` and the algorithms in their documentation.

One deliberate difference: torch's Muon runs its Newton-Schulz iterations in bfloat16 (for GPU
speed); here, as in the lab, they run in float64, the dtype of every other fixture.
"""

import math

import torch
from torch.optim import Optimizer


class Adafactor(Optimizer):
    """torch.optim.Adafactor(lr=1e-2, beta2_decay=-0.8, eps=(None, 1e-3), d=1.0,
    weight_decay=0.0); eps[0] = None is the dtype's machine epsilon."""

    def __init__(self, params, lr=1e-2, beta2_decay=-0.8, eps=(None, 1e-3), d=1.0,
                 weight_decay=0.0):
        if not 0.0 <= lr:
            raise ValueError(f'Learning rate should be >= 0 but is: {lr}')
        if not 0.0 >= beta2_decay:
            raise ValueError(f'beta2_decay should be <= 0 but is: {beta2_decay}')
        if eps[0] is not None and not 0.0 <= eps[0]:
            raise ValueError(f'epsilon1 should be >= 0 but is: {eps[0]}')
        if not 0.0 <= eps[1]:
            raise ValueError(f'epsilon2 should be >= 0 but is: {eps[1]}')
        if not 1.0 <= d:
            raise ValueError(f'Clipping threshold d should be >= 1 but is: {d}')
        super().__init__(params, dict(lr=lr, beta2_decay=beta2_decay, eps=eps, d=d,
                                      weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            lr, decay, d, wd = group['lr'], group['beta2_decay'], group['d'], group['weight_decay']
            eps1, eps2 = group['eps']
            for p in group['params']:
                grad = p.grad
                state = self.state[p]
                if len(state) == 0:
                    state['step'] = torch.tensor(0.0)
                    if grad.dim() > 1:
                        row_shape = list(grad.shape)
                        row_shape[-1] = 1
                        state['row_var'] = grad.new_zeros(row_shape)
                        col_shape = list(grad.shape)
                        col_shape[-2] = 1
                        state['col_var'] = grad.new_zeros(col_shape)
                    else:
                        state['variance'] = torch.zeros_like(grad)
                if eps1 is None:
                    eps1 = torch.finfo(p.dtype).eps
                state['step'] += 1
                step = state['step'].item()
                one_minus_beta2_t = step ** decay
                rho_t = min(lr, 1 / (step ** 0.5))
                alpha = max(eps2, p.norm(2).item() / (p.numel() ** 0.5)) * rho_t
                if wd != 0:
                    p.mul_(1 - lr * wd)
                if grad.dim() > 1:
                    row_var, col_var = state['row_var'], state['col_var']
                    row_mean = torch.norm(grad, dim=-1, keepdim=True).square_().div_(grad.size(-1))
                    row_var.lerp_(row_mean, one_minus_beta2_t)
                    col_mean = torch.norm(grad, dim=-2, keepdim=True).square_().div_(grad.size(-2))
                    col_var.lerp_(col_mean, one_minus_beta2_t)
                    var_estimate = row_var @ col_var
                    var_estimate.div_(row_var.mean(dim=-2, keepdim=True).clamp_(min=eps1))
                else:
                    variance = state['variance']
                    variance.lerp_(grad * grad, one_minus_beta2_t)
                    var_estimate = variance.clone()
                update = var_estimate.clamp_(min=eps1 * eps1).rsqrt_()
                update.mul_(grad)
                denom = max(1.0, update.norm(2).item() / ((update.numel() ** 0.5) * d))
                p.add_(update, alpha=-alpha / denom)


def zeropower_via_newtonschulz(grad, ns_coefficients, ns_steps, eps):
    a, b, c = ns_coefficients
    ortho = grad.clone()  # torch: grad.bfloat16()
    if grad.size(0) > grad.size(1):
        ortho = ortho.T
    ortho.div_(ortho.norm().clamp(min=eps))
    for _ in range(ns_steps):
        gram = ortho @ ortho.T
        gram_update = torch.addmm(gram, gram, gram, beta=b, alpha=c)
        ortho = torch.addmm(ortho, gram_update, ortho, beta=a)
    if grad.size(0) > grad.size(1):
        ortho = ortho.T
    return ortho


class Muon(Optimizer):
    """torch.optim.Muon(lr=1e-3, weight_decay=0.1, momentum=0.95, nesterov=True,
    ns_coefficients=(3.4445, -4.775, 2.0315), eps=1e-7, ns_steps=5, adjust_lr_fn=None)."""

    def __init__(self, params, lr=1e-3, weight_decay=0.1, momentum=0.95, nesterov=True,
                 ns_coefficients=(3.4445, -4.775, 2.0315), eps=1e-7, ns_steps=5,
                 adjust_lr_fn=None):
        super().__init__(params, dict(lr=lr, weight_decay=weight_decay, momentum=momentum,
                                      nesterov=nesterov, ns_coefficients=ns_coefficients,
                                      eps=eps, ns_steps=ns_steps, adjust_lr_fn=adjust_lr_fn))
        for group in self.param_groups:
            for p in group['params']:
                if p.ndim != 2:
                    raise ValueError('Muon only supports 2D parameters whereas we found a '
                                     f'parameter with size: {p.size()}')

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            lr, wd, mu = group['lr'], group['weight_decay'], group['momentum']
            for p in group['params']:
                grad = p.grad
                state = self.state[p]
                if len(state) == 0:
                    state['momentum_buffer'] = torch.zeros_like(grad)
                buf = state['momentum_buffer']
                buf.lerp_(grad, 1 - mu)
                update = grad.lerp(buf, mu) if group['nesterov'] else buf
                update = zeropower_via_newtonschulz(update, group['ns_coefficients'],
                                                    group['ns_steps'], group['eps'])
                A, B = p.shape[:2]
                if group['adjust_lr_fn'] == 'match_rms_adamw':
                    ratio = 0.2 * math.sqrt(max(A, B))
                else:
                    ratio = math.sqrt(max(1, A / B))
                p.mul_(1 - lr * wd)
                p.add_(update, alpha=-lr * ratio)


OPTIMIZERS = {'adafactor': Adafactor, 'muon': Muon}

ROSEN_START = (-1.5, 2.0)
M = [1, 2]  # Muon takes matrices only: a surface's weights are one 1 x 2 matrix

CASES = [
    dict(name='adafactor defaults on ravine', surface='ravine', optimizer='adafactor',
         params={}, start=(-2.0, 2.5), steps=300),
    dict(name='adafactor decay clip weight_decay on himmelblau', surface='himmelblau',
         optimizer='adafactor', params={'lr': 0.1, 'beta2_decay': -0.5, 'd': 2.0,
                                        'weight_decay': 0.01, 'eps': [1e-30, 1e-2]},
         start=(-0.5, 0.5), steps=200),
    dict(name='adafactor from the origin (eps2 floor) on himmelblau', surface='himmelblau',
         optimizer='adafactor', params={'lr': 0.05}, start=(0.0, 0.0), steps=100),
    dict(name='adafactor positive beta2_decay is rejected', surface='rosenbrock',
         optimizer='adafactor', params={'beta2_decay': 0.5}, start=ROSEN_START, steps=10,
         error_params=['beta2_decay']),
    dict(name='muon nesterov on ravine (1 x 2)', surface='ravine', optimizer='muon',
         params={'lr': 0.05}, start=(-2.0, 2.5), steps=150, shape=M),
    dict(name='muon no nesterov match_rms_adamw on himmelblau (1 x 2)', surface='himmelblau',
         optimizer='muon', params={'lr': 0.05, 'nesterov': False, 'weight_decay': 0.0,
                                   'adjust_lr_fn': 'match_rms_adamw', 'ns_steps': 3},
         start=(-0.5, 0.5), steps=300, shape=M),
]

TENSOR_CASES = [
    dict(name='lsq adafactor factored [3, 2] + vector [3]', optimizer='adafactor',
         params={'lr': 0.05, 'weight_decay': 0.01}),
    dict(name='lsq muon on W [3, 2] (no bias)', optimizer='muon',
         params={'lr': 0.02, 'weight_decay': 0.01}, bias=False),
    dict(name='lsq muon tall ns_steps 7 (no bias)', optimizer='muon',
         params={'lr': 0.01, 'ns_steps': 7, 'nesterov': False, 'momentum': 0.9}, bias=False),
]
