"""LAMB, LARS and Schedule-Free AdamW, which torch.optim lacks: written here with torch ops after
the reference implementations the lab names in "Copy as PyTorch".

  * lamb: torch-optimizer's `Lamb` (jettify/pytorch-optimizer, after cybertronai/pytorch-lamb;
    You et al. 2020): clamp_value, adam and debias as there.
  * lars: timm's `Lars` with always_adapt=True (You et al. 2017's rule at any weight decay);
    timm's trust_coeff is the lab's trust_coefficient.
  * schedulefree_adamw: facebookresearch/schedule_free's `AdamWScheduleFree` in train mode
    (Defazio et al. 2024), its per-element (non-foreach) branch; side path x = what
    optimizer.eval() would set the weights to.
"""

import math

import torch
from torch.optim import Optimizer


class Lamb(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-6, weight_decay=0,
                 clamp_value=10, adam=False, debias=False):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))
        self.clamp_value = clamp_value
        self.adam = adam
        self.debias = debias

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group['params']:
                grad = p.grad
                state = self.state[p]
                if len(state) == 0:
                    state['step'] = 0
                    state['exp_avg'] = torch.zeros_like(p)
                    state['exp_avg_sq'] = torch.zeros_like(p)
                exp_avg, exp_avg_sq = state['exp_avg'], state['exp_avg_sq']
                beta1, beta2 = group['betas']
                state['step'] += 1
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                if self.debias:
                    bias_correction = math.sqrt(1 - beta2 ** state['step'])
                    bias_correction /= 1 - beta1 ** state['step']
                else:
                    bias_correction = 1
                step_size = group['lr'] * bias_correction
                weight_norm = torch.norm(p).clamp(0, self.clamp_value)
                adam_step = exp_avg / exp_avg_sq.sqrt().add(group['eps'])
                if group['weight_decay'] != 0:
                    adam_step.add_(p, alpha=group['weight_decay'])
                adam_norm = torch.norm(adam_step)
                if weight_norm == 0 or adam_norm == 0:
                    trust_ratio = 1
                else:
                    trust_ratio = float(weight_norm / adam_norm)
                if self.adam:
                    trust_ratio = 1
                p.add_(adam_step, alpha=-step_size * trust_ratio)


class Lars(Optimizer):
    def __init__(self, params, lr=1.0, momentum=0, dampening=0, weight_decay=0, nesterov=False,
                 trust_coefficient=0.001, eps=1e-8, trust_clip=False):
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening,
                                      weight_decay=weight_decay, nesterov=nesterov,
                                      trust_coeff=trust_coefficient, eps=eps,
                                      trust_clip=trust_clip))

    @torch.no_grad()
    def step(self, closure=None):
        one = torch.tensor(1.0)
        for group in self.param_groups:
            wd, momentum = group['weight_decay'], group['momentum']
            for p in group['params']:
                grad = p.grad
                w_norm = p.norm(2.0)
                g_norm = grad.norm(2.0)
                trust_ratio = group['trust_coeff'] * w_norm / (g_norm + w_norm * wd + group['eps'])
                trust_ratio = torch.where(w_norm > 0, torch.where(g_norm > 0, trust_ratio, one),
                                          one)
                if group['trust_clip']:
                    trust_ratio = torch.minimum(trust_ratio / group['lr'], one)
                grad = grad.add(p, alpha=wd)
                grad = grad.mul(trust_ratio)
                if momentum != 0:
                    state = self.state[p]
                    if 'momentum_buffer' not in state:
                        buf = state['momentum_buffer'] = torch.clone(grad).detach()
                    else:
                        buf = state['momentum_buffer']
                        buf.mul_(momentum).add_(grad, alpha=1.0 - group['dampening'])
                    grad = grad.add(buf, alpha=momentum) if group['nesterov'] else buf
                p.add_(grad, alpha=-group['lr'])


class AdamWScheduleFree(Optimizer):
    SIDE_PATHS = ('x',)

    def __init__(self, params, lr=0.0025, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 warmup_steps=0, r=0.0, weight_lr_power=2.0):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, r=r, k=0,
                                      warmup_steps=warmup_steps, weight_sum=0.0, lr_max=-1.0,
                                      weight_lr_power=weight_lr_power,
                                      weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            eps = group['eps']
            beta1, beta2 = group['betas']
            decay = group['weight_decay']
            k = group['k']
            warmup_steps = group['warmup_steps']
            sched = (k + 1) / warmup_steps if k < warmup_steps else 1.0
            bias_correction2 = 1 - beta2 ** (k + 1)
            lr = group['lr'] * sched
            lr_max = group['lr_max'] = max(lr, group['lr_max'])
            weight = ((k + 1) ** group['r']) * (lr_max ** group['weight_lr_power'])
            weight_sum = group['weight_sum'] = group['weight_sum'] + weight
            try:
                ckp1 = weight / weight_sum
            except ZeroDivisionError:
                ckp1 = 0
            for p in group['params']:
                state = self.state[p]
                if 'z' not in state:
                    state['z'] = torch.clone(p)
                    state['exp_avg_sq'] = torch.zeros_like(p)
            for p in group['params']:
                y = p
                grad = p.grad.clone()  # the reference divides p.grad in place
                z = self.state[p]['z']
                exp_avg_sq = self.state[p]['exp_avg_sq']
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                denom = exp_avg_sq.div(bias_correction2).sqrt_().add_(eps)
                grad_normalized = grad.div_(denom)
                if decay != 0:
                    grad_normalized.add_(y, alpha=decay)
                y.lerp_(end=z, weight=ckp1)
                y.add_(grad_normalized, alpha=lr * (beta1 * (1 - ckp1) - 1))
                z.sub_(grad_normalized, alpha=lr)
            group['k'] = k + 1

    def side_paths(self):
        """x, as optimizer.eval() computes it: y.lerp(z, 1 - 1/beta1)."""
        xs = []
        for group in self.param_groups:
            beta1 = group['betas'][0]
            for p in group['params']:
                xs.append(p.lerp(self.state[p]['z'], 1 - 1 / beta1).reshape(-1))
        return {'x': torch.cat(xs)}


OPTIMIZERS = {'lamb': Lamb, 'lars': Lars, 'schedulefree_adamw': AdamWScheduleFree}

ROSEN_START = (-1.5, 2.0)

CASES = [
    dict(name='lamb on rosenbrock', surface='rosenbrock', optimizer='lamb',
         params={'lr': 0.01}, start=ROSEN_START, steps=300),
    dict(name='lamb weight_decay debias clamp on himmelblau', surface='himmelblau',
         optimizer='lamb', params={'lr': 0.02, 'weight_decay': 0.01, 'debias': True,
                                   'clamp_value': 1.0},
         start=(-0.5, 0.5), steps=200),
    dict(name='lamb adam (no trust ratio) on ravine', surface='ravine', optimizer='lamb',
         params={'lr': 0.01, 'adam': True}, start=(-2.0, 2.5), steps=200),
    dict(name='lars momentum on ravine', surface='ravine', optimizer='lars',
         params={'lr': 2.0, 'momentum': 0.9, 'trust_coefficient': 0.01},
         start=(-2.0, 2.5), steps=200),
    dict(name='lars weight_decay nesterov trust_clip on himmelblau', surface='himmelblau',
         optimizer='lars', params={'lr': 0.5, 'momentum': 0.5, 'nesterov': True,
                                   'weight_decay': 0.01, 'trust_coefficient': 0.02,
                                   'trust_clip': True},
         start=(-0.5, 0.5), steps=200),
    dict(name='schedulefree_adamw on rosenbrock', surface='rosenbrock',
         optimizer='schedulefree_adamw', params={'lr': 0.02}, start=ROSEN_START, steps=300),
    dict(name='schedulefree_adamw warmup r weight_decay on noisy ravine', surface='ravine',
         optimizer='schedulefree_adamw', params={'lr': 0.05, 'warmup_steps': 20, 'r': 1.0,
                                                 'weight_decay': 0.01},
         start=(-2.0, 2.5), steps=200, noise={'sigma': 2.0, 'seed': 5}),
]

TENSOR_CASES = [
    dict(name='lsq lamb (trust ratio per tensor)', optimizer='lamb',
         params={'lr': 0.02, 'weight_decay': 0.01}),
    dict(name='lsq lars (trust ratio per tensor)', optimizer='lars',
         params={'lr': 1.0, 'momentum': 0.9, 'trust_coefficient': 0.02, 'weight_decay': 0.001}),
    dict(name='lsq schedulefree_adamw', optimizer='schedulefree_adamw',
         params={'lr': 0.02, 'warmup_steps': 5}),
]
