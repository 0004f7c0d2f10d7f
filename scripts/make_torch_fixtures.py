#!/usr/bin/python3
"""PyTorch reference fixtures for the engine's parity tests.

Run:  /usr/bin/python3 scripts/make_torch_fixtures.py     (or `npm run fixtures`)
      /usr/bin/python3 scripts/make_torch_fixtures.py --sensitivity   (audit the cases; writes nothing)

Writes (deterministically, float64 throughout, gradients by autograd):
  tests/fixtures/torch_optimizers.json  optimizer trajectories on 2-D surfaces
  tests/fixtures/torch_schedules.json   lr (and OneCycleLR momentum) sequences
  tests/fixtures/noise.json             src/engine/noise.ts reimplemented here, bit for bit

Conventions (mirroring src/engine/run.ts):
  * The weights are ONE 2-element tensor w = [x, y]; f(w) is the surface.
  * For step t: lrs[t] = param_groups[0]['lr'] before optimizer.step(); g = ∇f(w) (+ σ·ξ);
    optimizer.step(); scheduler.step().
  * trajectory[k] = w after k steps (k = 0 is the start), losses[k] = f(trajectory[k]).
  * A run stops at the first iterate whose coordinates or loss are non-finite:
    `diverged_at` = that index, and the arrays hold only the finite iterates before it.
  * swa_trajectory[k] = null for k < swa.start, else the torch AveragedModel average of
    trajectory[swa.start..k] as [x, y] (JSON has no NaN, so "not yet averaging" is null).
  * `separates_at` = the first iterate where torch disagrees with itself by more than 1e-9 once
    its first gradient is scaled by (1 + 1e-15) (null: never, the case is not chaotic); the
    parity test compares only the iterates before it (see `separation_step`).
  * Configs torch rejects carry `error` (torch's ValueError text) and `error_params` (the
    parameter names our error message may name) instead of a trajectory.

  * Optimizers that search through a closure (LBFGS) run as opt.step(closure); each case then
    carries `evaluations` (closure calls per step) and `evaluation_points` (the weights of every
    call, in order). An optimizer with a `side_paths()` method (ASGD's ax, Schedule-Free's x)
    gets `side_paths` = {id: [null, [x, y], ...]} (null at the start, before any step); its class
    lists the ids in SIDE_PATHS.
  * A case with `shape` (Muon: [1, 2]) holds its weights as one tensor of that shape.
  tests/fixtures/torch_tensors.json  the same optimizers on a multi-tensor problem (least
    squares with a [3, 2] weight and a [3] bias), so per-tensor rules are really exercised.

Optimizers beyond torch 1.13's come from scripts/torch_ref/*.py, each module saying which torch
version or reference implementation every rule follows.

Lion, SAM and Newton are not in torch 1.13; they are written below with torch tensor ops from
their papers (Lion: Chen et al. 2023; SAM: Foret et al. 2021; Newton: damped Newton's method).

NAdam: torch 1.13's single-tensor NAdam computes mu_product_next = mu_product * mu * mu_next
(mu counted twice, since mu_product was already multiplied by mu); torch >= 2.0 fixed this to
mu_product * mu_next. We follow current torch (2.x): the fixtures run torch 1.13's NAdam with
that one line corrected (see `NAdam2` below), and the 1.13 behaviour is not recorded.
"""

import json
import math
import os
import sys
import warnings

import torch
from torch import nn

import mlp_reference
from torch.optim import lr_scheduler as sched
from torch.optim.swa_utils import AveragedModel

torch.set_default_dtype(torch.float64)
warnings.filterwarnings('error', category=UserWarning, module='torch.optim')

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures')
COMMAND = '/usr/bin/python3 scripts/make_torch_fixtures.py'

# ---------------------------------------------------------------------------------------------
# Surfaces: the mathjs expression our compiler parses, side by side with the same function in
# torch ops (x = w[0], y = w[1]). Keep each pair visibly identical.
# ---------------------------------------------------------------------------------------------
SURFACES = {
    'rosenbrock': (
        '(1 - x)^2 + 100*(y - x^2)^2',
        lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
    ),
    # A quadratic with curvatures 50 and 0.5 (condition number 100) along axes rotated by
    # atan(3/4): the classic ravine where plain SGD zigzags.
    'ravine': (
        '0.5*(50*(0.8*x + 0.6*y)^2 + 0.5*(0.6*x - 0.8*y)^2)',
        lambda x, y: 0.5 * (50 * (0.8 * x + 0.6 * y) ** 2 + 0.5 * (0.6 * x - 0.8 * y) ** 2),
    ),
    'himmelblau': (
        '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
        lambda x, y: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2,
    ),
    # Saddle at the origin, minima at (0, ±√2) held by quartic walls in y.
    'quartic_saddle': (
        '0.5*x^2 - y^2 + 0.25*y^4',
        lambda x, y: 0.5 * x**2 - y**2 + 0.25 * y**4,
    ),
    'transcendental': (
        'log(1 + x^2 + y^2) - exp(-((x - 1)^2 + (y + 0.5)^2)) + 0.3*cos(2*x)*tanh(y)'
        ' + 0.1*sqrt(1 + x^2*y^2) + 0.05*sin(x*y)',
        lambda x, y: torch.log(1 + x**2 + y**2)
        - torch.exp(-((x - 1) ** 2 + (y + 0.5) ** 2))
        + 0.3 * torch.cos(2 * x) * torch.tanh(y)
        + 0.1 * torch.sqrt(1 + x**2 * y**2)
        + 0.05 * torch.sin(x * y),
    ),
}


def surface_fn(name):
    fn = SURFACES[name][1]
    return lambda w: fn(w[0], w[1])


# ---------------------------------------------------------------------------------------------
# src/engine/noise.ts, bit for bit: mulberry32 with JS int32 semantics emulated by masking.
# ---------------------------------------------------------------------------------------------
M32 = 0xFFFFFFFF


def imul(a, b):
    """Math.imul on uint32 bit patterns: the low 32 bits of the product."""
    return (a * b) & M32


class NormalStream:
    def __init__(self, seed):
        self.state = int(seed) & M32  # seed >>> 0
        self.spare = 0.0
        self.has_spare = False

    def next_u32(self):
        self.state = (self.state + 0x6D2B79F5) & M32
        t = self.state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & M32
        return (t ^ (t >> 14)) & M32

    def next_uniform(self):
        return (self.next_u32() + 0.5) / 4294967296

    def next_normal(self):
        if self.has_spare:
            self.has_spare = False
            return self.spare
        u1 = self.next_uniform()
        u2 = self.next_uniform()
        r = math.sqrt(-2 * math.log(u1))
        theta = 2 * math.pi * u2
        self.spare = r * math.sin(theta)
        self.has_spare = True
        return r * math.cos(theta)


# ---------------------------------------------------------------------------------------------
# Optimizers torch 1.13 lacks, as torch Optimizers so lr schedulers drive them unchanged.
# ---------------------------------------------------------------------------------------------
class Lion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023): w ← w(1 − ηλ); w ← w − η·sign(β1 m + (1−β1) g); m ← β2 m + (1−β2) g."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=tuple(betas), weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            lr, (beta1, beta2), wd = group['lr'], group['betas'], group['weight_decay']
            for p in group['params']:
                g = p.grad
                state = self.state[p]
                if not state:
                    state['exp_avg'] = torch.zeros_like(p)
                m = state['exp_avg']
                p.mul_(1 - lr * wd)
                c = m.mul(beta1).add(g, alpha=1 - beta1)
                p.add_(torch.sign(c), alpha=-lr)
                m.mul_(beta2).add_(g, alpha=1 - beta2)


class SAM(torch.optim.Optimizer):
    """SAM (Foret et al. 2021): e = ρ g/(‖g‖ + 1e-12); the base optimizer steps at w with ∇f(w + e).

    The base optimizer owns the parameter groups (schedulers write its lr / momentum); the
    ascent gradient comes from `grad_at`, which draws noise exactly like the run loop's gradient.
    """

    def __init__(self, params, base, grad_at, rho):
        params = list(params)
        self.base = base
        self.grad_at = grad_at
        self.rho = rho
        super().__init__(params, dict(base.defaults))
        self.param_groups = base.param_groups
        self.defaults = base.defaults
        self.state = base.state

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group['params']:
                g = p.grad
                scale = self.rho / (torch.linalg.vector_norm(g) + 1e-12)
                e = g * scale
                p.grad = self.grad_at(p + e)
        self.base.step()


class Newton(torch.optim.Optimizer):
    """Damped Newton: w ← w − η (H + δI)⁻¹ ∇f, H the exact Hessian (autograd), δ = damping."""

    def __init__(self, params, f, lr=1.0, damping=0.0):
        super().__init__(params, dict(lr=lr, damping=damping))
        self.f = f

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group['params']:
                with torch.enable_grad():
                    h = torch.autograd.functional.hessian(self.f, p.detach().clone())
                a = h + group['damping'] * torch.eye(p.numel())
                d = torch.linalg.solve(a, p.grad)
                p.add_(d, alpha=-group['lr'])


def _nadam2_single_tensor(params, grads, exp_avgs, exp_avg_sqs, mu_products, state_steps, *,
                          beta1, beta2, lr, weight_decay, momentum_decay, eps):
    """torch 1.13's _single_tensor_nadam with torch 2.x's mu_product_next = mu_product · mu_next."""
    for i, param in enumerate(params):
        grad = grads[i]
        exp_avg = exp_avgs[i]
        exp_avg_sq = exp_avg_sqs[i]
        mu_product = mu_products[i]
        step_t = state_steps[i]
        step_t += 1
        step = step_t.item()
        bias_correction2 = 1 - beta2**step
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        mu_product *= mu
        mu_product_next = mu_product.item() * mu_next  # the torch 2.x line
        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        denom = exp_avg_sq.div(bias_correction2).sqrt().add_(eps)
        param.addcdiv_(grad, denom, value=-lr * (1.0 - mu) / (1.0 - mu_product.item()))
        param.addcdiv_(exp_avg, denom, value=-lr * mu_next / (1.0 - mu_product_next))


class NAdam2(torch.optim.NAdam):
    """torch.optim.NAdam as in torch >= 2.0 (see the module docstring)."""

    def step(self, closure=None):
        import torch.optim.nadam as nadam_mod

        original = nadam_mod._single_tensor_nadam
        nadam_mod._single_tensor_nadam = _nadam2_single_tensor
        try:
            return super().step(closure)
        finally:
            nadam_mod._single_tensor_nadam = original


TORCH_OPTIMIZERS = {
    'sgd': torch.optim.SGD,
    'adagrad': torch.optim.Adagrad,
    'rmsprop': torch.optim.RMSprop,
    'adadelta': torch.optim.Adadelta,
    'adam': torch.optim.Adam,
    'adamw': torch.optim.AdamW,
    'adamax': torch.optim.Adamax,
    'nadam': NAdam2,
    'radam': torch.optim.RAdam,
    'lion': Lion,
}


# Reference optimizers beyond torch 1.13's own, one module per family (scripts/torch_ref/).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
REF_MODULES = []
for _name in sorted(os.listdir(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                            'torch_ref'))):
    if _name.endswith('.py') and not _name.startswith('_'):
        import importlib
        REF_MODULES.append(importlib.import_module('torch_ref.' + _name[:-3]))
for _mod in REF_MODULES:
    TORCH_OPTIMIZERS.update(_mod.OPTIMIZERS)


def mlp_optimizer(opt_id, params, hyper):
    """An optimizer over a network's parameters, as the trajectory cases build them."""
    return TORCH_OPTIMIZERS[opt_id](params, **torch_kwargs(hyper))


def uses_closure(opt):
    """Optimizers that evaluate the loss themselves, torch.optim.LBFGS-style."""
    return isinstance(opt, torch.optim.LBFGS) or getattr(opt, 'uses_closure', False)


def torch_kwargs(params):
    """Fixture params (JSON) → torch keyword arguments (betas as tuples)."""
    return {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}


def build_optimizer(opt_id, params, w, f, grad_at):
    if opt_id == 'newton':
        return Newton([w], f, **params)
    if opt_id == 'sam':
        rest = dict(params)
        base_id = rest.pop('base')
        rho = rest.pop('rho')
        base = TORCH_OPTIMIZERS[base_id]([w], **torch_kwargs(rest))
        return SAM([w], base, grad_at, rho)
    return TORCH_OPTIMIZERS[opt_id]([w], **torch_kwargs(params))


# ---------------------------------------------------------------------------------------------
# Schedules: torch classes, plus ours (WarmupCosine, LRRangeTest) as LambdaLR.
# ---------------------------------------------------------------------------------------------
def warmup_cosine_lambda(base_lr, warmup_steps, total_steps, min_lr):
    w, T = warmup_steps, total_steps

    def factor(t):
        if t < w:
            return t / w
        if t >= T:
            return min_lr / base_lr
        lr = min_lr + 0.5 * (base_lr - min_lr) * (1 + math.cos(math.pi * (t - w) / (T - w)))
        return lr / base_lr

    return factor


def lr_range_test_lambda(start_lr, end_lr, num_iter):
    def factor(t):
        return (end_lr / start_lr) ** (min(t, num_iter - 1) / (num_iter - 1))

    return factor


def build_scheduler(schedule, opt):
    if schedule is None:
        return None
    name, p = schedule['name'], schedule['params']
    if name == 'WarmupCosine':
        base = opt.param_groups[0]['lr']
        return sched.LambdaLR(
            opt, warmup_cosine_lambda(base, p['warmup_steps'], p['total_steps'], p['min_lr']))
    if name == 'LRRangeTest':
        return sched.LambdaLR(opt, lr_range_test_lambda(p['start_lr'], p['end_lr'], p['num_iter']))
    return getattr(sched, name)(opt, **p)


def cycled_key(opt):
    """Which hyperparameter OneCycleLR cycles for this optimizer (torch's own rule)."""
    if 'betas' in opt.defaults:
        return 'beta1'
    if 'momentum' in opt.defaults:
        return 'momentum'
    return None


def current_momentum(opt, key):
    g = opt.param_groups[0]
    return g['betas'][0] if key == 'beta1' else g['momentum']


# ---------------------------------------------------------------------------------------------
# One trajectory case.
# ---------------------------------------------------------------------------------------------
class Weights(nn.Module):
    def __init__(self, start):
        super().__init__()
        self.w = nn.Parameter(torch.tensor(start))


def finite(*vals):
    return all(math.isfinite(v) for v in vals)


def exact_grad(f, q):
    q = q.detach().clone().requires_grad_(True)
    with torch.enable_grad():
        (g,) = torch.autograd.grad(f(q), q)
    return g


def run_case(case, perturb=0.0):
    """One trajectory as torch runs it; `perturb` scales the first gradient by (1 + perturb)."""
    flat_f = surface_fn(case['surface'])
    shape = case.get('shape')

    def f(w):
        return flat_f(w.reshape(-1))
    noise = case.get('noise') or {'sigma': 0, 'seed': 0}
    sigma = noise['sigma']
    rng = NormalStream(noise['seed']) if sigma > 0 else None

    def grad_at(q):
        """The gradient the optimizer sees at q: exact autograd gradient, plus σ·ξ (x then y)."""
        g = exact_grad(f, q)
        if rng is not None:
            g = g + sigma * torch.tensor([rng.next_normal(), rng.next_normal()])
        return g

    model = Weights(case['start'])
    if shape:
        model.w = nn.Parameter(torch.tensor(case['start']).reshape(shape))
    w = model.w
    swa = case.get('swa')
    swa_model = AveragedModel(model) if swa else None
    out = {k: case[k] for k in ('name', 'expression', 'start', 'steps', 'optimizer', 'params')}
    if shape:
        out['shape'] = shape
    out['schedule'] = case.get('schedule')
    out['noise'] = noise
    out['swa'] = swa
    if case.get('error_params'):
        out['error_params'] = case['error_params']

    trajectory, losses, lrs, momenta, swa_traj = [], [], [], [], []
    evaluations, evaluation_points, side = [], [], {}

    def record(k):
        with torch.no_grad():
            wf = w.detach().reshape(-1)
            x, y = float(wf[0]), float(wf[1])
            loss = float(f(w))
        if not finite(x, y, loss):
            return False
        # The engine stops where f is finite but ∇f is not; no fixture case should go there.
        gx, gy = (float(v) for v in exact_grad(f, w).reshape(-1))
        assert finite(gx, gy), f"{case['name']}: non-finite gradient at a finite point"
        trajectory.append([x, y])
        losses.append(loss)
        if swa:
            if k >= swa['start']:
                swa_model.update_parameters(model)
                a = swa_model.module.w.detach().reshape(-1)
                swa_traj.append([float(a[0]), float(a[1])])
            else:
                swa_traj.append(None)
        if hasattr(opt, 'side_paths'):
            # Before the first step torch has no optimizer state: the path starts as null.
            for key, value in (opt.side_paths().items() if k > 0 else
                               ((key, None) for key in opt.SIDE_PATHS)):
                v = value.detach().reshape(-1) if value is not None else None
                side.setdefault(key, []).append([float(v[0]), float(v[1])] if k > 0 else None)
        return True

    def closure():
        """torch's closure: the loss at w, and w.grad = the step's gradient (noise included)."""
        wf = w.detach().reshape(-1)
        evaluation_points.append([float(wf[0]), float(wf[1])])
        w.grad = grad_at(w)
        return f(w.detach())

    diverged_at = None
    opt = None
    try:
        opt = build_optimizer(case['optimizer'], case['params'], w, f, grad_at)
        scheduler = build_scheduler(case.get('schedule'), opt)
        key = cycled_key(opt)
        cycles = bool(case.get('schedule') and case['schedule']['name'] == 'OneCycleLR'
                      and case['schedule']['params'].get('cycle_momentum', True))
        if not record(0):
            raise AssertionError('start is not finite')
        for t in range(case['steps']):
            lrs.append(opt.param_groups[0]['lr'])
            if cycles:
                momenta.append(current_momentum(opt, key))
            if uses_closure(opt):
                before = len(evaluation_points)
                if t == 0 and perturb:
                    w.data.mul_(1 + perturb)
                opt.step(closure)
                evaluations.append(len(evaluation_points) - before)
            else:
                w.grad = grad_at(w)
                if t == 0 and perturb:
                    w.grad = w.grad * (1 + perturb)
                opt.step()
            if scheduler is not None:
                scheduler.step()
            if not record(t + 1):
                diverged_at = t + 1
                break
    except ValueError as e:
        assert case.get('error_params'), f"{case['name']}: unexpected torch error {e}"
        out['error'] = str(e)
        return out
    assert not case.get('error_params'), f"{case['name']}: torch accepted an error case"
    if (diverged_at is not None) != bool(case.get('diverges')):
        raise SystemExit(f"{case['name']}: diverged_at={diverged_at}")

    out['trajectory'] = trajectory
    out['losses'] = losses
    out['lrs'] = lrs
    if momenta:
        out['momenta'] = momenta
    if swa:
        out['swa_trajectory'] = swa_traj
    if uses_closure(opt):
        out['evaluations'] = evaluations
        out['evaluation_points'] = evaluation_points
    if side:
        out['side_paths'] = side
    out['diverged_at'] = diverged_at
    return out


SEPARATION_PERTURB = 1e-15
SEPARATION_TOL = 1e-9


def value_error(a, b):
    """tests/engine/fixtureCompare.ts's valueError: relative above 1, absolute below."""
    return abs(a - b) / max(1.0, abs(b))


def separation_step(case, out):
    """The first iterate where torch disagrees with itself, or None if it never does.

    A chaotic trajectory amplifies rounding exponentially, so past some step no implementation
    that rounds differently from torch in the last bit (ours: another operation order, another
    libm) can match it within SEPARATION_TOL. That step is measured on torch alone: the same run
    again with the first gradient scaled by (1 + 1e-15), and the first k where iterate k or its
    loss differ by more than SEPARATION_TOL (in the parity test's measure), or where only one of
    the two runs has stopped. The parity test compares iterates before it.
    """
    other = run_case(case, perturb=SEPARATION_PERTURB)
    a, b = out['trajectory'], other['trajectory']
    for k in range(max(len(a), len(b))):
        if k >= len(a) or k >= len(b):
            return k
        if max(value_error(a[k][0], b[k][0]), value_error(a[k][1], b[k][1]),
               value_error(out['losses'][k], other['losses'][k])) > SEPARATION_TOL:
            return k
    return None


# ---------------------------------------------------------------------------------------------
# The trajectory cases. `params` hold only what each case sets (torch's keyword names), so the
# engine's defaults are checked against torch's; Lion, SAM and Newton spell out every value.
# ---------------------------------------------------------------------------------------------
def C(name, surface, optimizer, params, start, steps, schedule=None, noise=None, swa=None,
      **extra):
    return dict(name=name, surface=surface, expression=SURFACES[surface][0], optimizer=optimizer,
                params=params, start=list(start), steps=steps, schedule=schedule, noise=noise,
                swa=swa, **extra)


def S(name, **params):
    return {'name': name, 'params': params}


ROSEN_START = (-1.5, 2.0)
CASES = [
    # --- SGD --------------------------------------------------------------------------------
    C('sgd plain on rosenbrock', 'rosenbrock', 'sgd', {'lr': 1e-3}, ROSEN_START, 300),
    C('sgd momentum on ravine', 'ravine', 'sgd', {'lr': 0.01, 'momentum': 0.9}, (-2.0, 2.5), 200),
    C('sgd nesterov on himmelblau', 'himmelblau', 'sgd',
      {'lr': 0.004, 'momentum': 0.9, 'nesterov': True}, (-0.5, 0.5), 200),
    C('sgd momentum+dampening on transcendental', 'transcendental', 'sgd',
      {'lr': 0.2, 'momentum': 0.8, 'dampening': 0.5}, (2.0, 1.5), 200),
    C('sgd weight_decay on quartic_saddle', 'quartic_saddle', 'sgd',
      {'lr': 0.05, 'weight_decay': 0.2}, (2.0, 0.05), 200),
    C('sgd huge lr diverges on ravine', 'ravine', 'sgd', {'lr': 1.0}, (1.0, 1.0), 200,
      diverges=True),
    # --- Adagrad / RMSprop / Adadelta --------------------------------------------------------
    C('adagrad defaults on himmelblau', 'himmelblau', 'adagrad', {'lr': 0.5}, (0.0, 0.0), 200),
    C('adagrad lr_decay+initial_accumulator_value on rosenbrock', 'rosenbrock', 'adagrad',
      {'lr': 0.3, 'lr_decay': 0.01, 'initial_accumulator_value': 0.1, 'eps': 1e-8},
      ROSEN_START, 300),
    C('rmsprop defaults on rosenbrock', 'rosenbrock', 'rmsprop', {'lr': 0.005}, ROSEN_START, 300),
    C('rmsprop centered+momentum on ravine', 'ravine', 'rmsprop',
      {'lr': 0.002, 'momentum': 0.9, 'centered': True, 'alpha': 0.95}, (-2.0, 2.5), 200),
    C('rmsprop weight_decay on transcendental', 'transcendental', 'rmsprop',
      {'lr': 0.02, 'weight_decay': 0.1}, (2.0, 1.5), 200),
    C('adadelta defaults on himmelblau', 'himmelblau', 'adadelta', {}, (0.0, 0.0), 300),
    C('adadelta rho+weight_decay on rosenbrock', 'rosenbrock', 'adadelta',
      {'lr': 5.0, 'rho': 0.95, 'eps': 1e-5, 'weight_decay': 0.01}, ROSEN_START, 300),
    # --- Adam family --------------------------------------------------------------------------
    C('adam defaults on rosenbrock', 'rosenbrock', 'adam', {'lr': 0.05}, ROSEN_START, 300),
    C('adam amsgrad on himmelblau', 'himmelblau', 'adam', {'lr': 0.1, 'amsgrad': True},
      (-0.5, 0.5), 200),
    C('adam coupled weight_decay on quartic_saddle', 'quartic_saddle', 'adam',
      {'lr': 0.05, 'weight_decay': 0.1, 'betas': [0.8, 0.99]}, (1.5, 0.1), 200),
    C('adamw defaults on transcendental', 'transcendental', 'adamw', {'lr': 0.05}, (2.0, 1.5), 200),
    C('adamw amsgrad decoupled weight_decay on ravine', 'ravine', 'adamw',
      {'lr': 0.05, 'weight_decay': 0.5, 'amsgrad': True, 'eps': 1e-6}, (-2.0, 2.5), 200),
    C('adamax defaults on rosenbrock', 'rosenbrock', 'adamax', {'lr': 0.05}, ROSEN_START, 300),
    C('adamax weight_decay on himmelblau', 'himmelblau', 'adamax',
      {'lr': 0.1, 'betas': [0.8, 0.99], 'weight_decay': 0.05}, (-0.5, 0.5), 200),
    C('nadam defaults on himmelblau', 'himmelblau', 'nadam', {'lr': 0.05}, (-0.5, 0.5), 200),
    C('nadam momentum_decay+weight_decay on rosenbrock', 'rosenbrock', 'nadam',
      {'lr': 0.02, 'momentum_decay': 0.01, 'weight_decay': 0.01}, ROSEN_START, 300),
    # Chaotic: torch's own run, with its first gradient moved by 1e-15, leaves 1e-9 after ~250
    # steps (recorded as separates_at). It checks NAdam's non-integer 0.96^(tψ) powers and β2ᵗ
    # for as long as torch itself is reproducible.
    C('nadam large lr on rosenbrock (chaotic)', 'rosenbrock', 'nadam', {'lr': 0.5}, ROSEN_START,
      400),
    C('radam defaults on himmelblau', 'himmelblau', 'radam', {'lr': 0.05}, (-0.5, 0.5), 300),
    C('radam short beta2 on transcendental', 'transcendental', 'radam',
      {'lr': 0.05, 'betas': [0.9, 0.99], 'weight_decay': 0.01}, (2.0, 1.5), 200),
    # --- Lion, SAM, Newton (written from their papers) ----------------------------------------
    C('lion on rosenbrock', 'rosenbrock', 'lion',
      {'lr': 0.01, 'betas': [0.9, 0.99], 'weight_decay': 0.0}, ROSEN_START, 300),
    C('lion weight_decay on ravine', 'ravine', 'lion',
      {'lr': 0.02, 'betas': [0.95, 0.98], 'weight_decay': 0.5}, (-2.0, 2.5), 200),
    C('sam(sgd momentum) on rosenbrock', 'rosenbrock', 'sam',
      {'base': 'sgd', 'rho': 0.05, 'lr': 3e-4, 'momentum': 0.9}, ROSEN_START, 300),
    C('sam(adam) on himmelblau', 'himmelblau', 'sam',
      {'base': 'adam', 'rho': 0.1, 'lr': 0.02}, (-0.5, 0.5), 200),
    C('newton on himmelblau', 'himmelblau', 'newton', {'lr': 1.0, 'damping': 0.0},
      (3.5, 1.5), 100),
    C('newton damped on rosenbrock', 'rosenbrock', 'newton', {'lr': 0.5, 'damping': 1.0},
      ROSEN_START, 100),
    C('newton walks to the saddle', 'quartic_saddle', 'newton', {'lr': 0.3, 'damping': 0.0},
      (1.0, 0.3), 100),
    # --- Schedules on trajectories --------------------------------------------------------------
    C('StepLR on sgd momentum (ravine)', 'ravine', 'sgd', {'lr': 0.02, 'momentum': 0.9},
      (-2.0, 2.5), 200, schedule=S('StepLR', step_size=40, gamma=0.5)),
    C('MultiStepLR on adam (rosenbrock)', 'rosenbrock', 'adam', {'lr': 0.1}, ROSEN_START, 300,
      schedule=S('MultiStepLR', milestones=[50, 120, 200], gamma=0.3)),
    C('ExponentialLR on rmsprop (himmelblau)', 'himmelblau', 'rmsprop', {'lr': 0.1},
      (0.0, 0.0), 200, schedule=S('ExponentialLR', gamma=0.98)),
    C('CosineAnnealingLR past T_max on adamw (transcendental)', 'transcendental', 'adamw',
      {'lr': 0.1}, (2.0, 1.5), 200, schedule=S('CosineAnnealingLR', T_max=80, eta_min=0.005)),
    C('CosineAnnealingWarmRestarts T_mult=2 on sgd nesterov (rosenbrock)', 'rosenbrock', 'sgd',
      {'lr': 5e-4, 'momentum': 0.8, 'nesterov': True}, ROSEN_START, 300,
      schedule=S('CosineAnnealingWarmRestarts', T_0=20, T_mult=2, eta_min=1e-4)),
    C('LinearLR warmup on adam (himmelblau)', 'himmelblau', 'adam', {'lr': 0.1}, (-0.5, 0.5),
      200, schedule=S('LinearLR', start_factor=0.1, end_factor=1.0, total_iters=50)),
    C('OneCycleLR cycles sgd momentum (ravine)', 'ravine', 'sgd', {'lr': 0.01, 'momentum': 0.9},
      (-2.0, 2.5), 200, schedule=S('OneCycleLR', max_lr=0.03, total_steps=200)),
    C('OneCycleLR cycles adam betas[0] (rosenbrock)', 'rosenbrock', 'adam', {'lr': 0.01},
      ROSEN_START, 300, schedule=S('OneCycleLR', max_lr=0.1, total_steps=300, pct_start=0.25)),
    C('OneCycleLR three_phase linear on sgd momentum (himmelblau)', 'himmelblau', 'sgd',
      {'lr': 0.001, 'momentum': 0.9}, (-0.5, 0.5), 200,
      schedule=S('OneCycleLR', max_lr=0.01, total_steps=220, pct_start=0.3,
                 anneal_strategy='linear', three_phase=True, base_momentum=0.8,
                 max_momentum=0.9, div_factor=10.0, final_div_factor=100.0)),
    C('WarmupCosine on adam (transcendental)', 'transcendental', 'adam', {'lr': 0.1}, (2.0, 1.5),
      200, schedule=S('WarmupCosine', warmup_steps=20, total_steps=150, min_lr=0.002)),
    C('LRRangeTest on sgd momentum (ravine)', 'ravine', 'sgd', {'lr': 1e-5, 'momentum': 0.9},
      # 150 steps = num_iter: the lab stops an LR range test when its sweep is over.
      (-2.0, 2.5), 150, schedule=S('LRRangeTest', start_lr=1e-5, end_lr=0.03, num_iter=150)),
    # --- Gradient noise and SWA -------------------------------------------------------------
    C('noisy sgd momentum (himmelblau)', 'himmelblau', 'sgd', {'lr': 0.004, 'momentum': 0.9},
      (-0.5, 0.5), 200, noise={'sigma': 2.0, 'seed': 42}),
    C('noisy adam (rosenbrock)', 'rosenbrock', 'adam', {'lr': 0.05}, ROSEN_START, 300,
      noise={'sigma': 5.0, 'seed': 7}),
    C('noisy sam(sgd) escapes the saddle', 'quartic_saddle', 'sam',
      {'base': 'sgd', 'rho': 0.05, 'lr': 0.05, 'momentum': 0.5}, (2.0, 0.0), 200,
      noise={'sigma': 0.3, 'seed': 123}),
    C('swa over noisy sgd (ravine)', 'ravine', 'sgd', {'lr': 0.02}, (-2.0, 2.5), 200,
      noise={'sigma': 3.0, 'seed': 2024}, swa={'start': 100}),
    C('swa over adam with cosine (himmelblau)', 'himmelblau', 'adam', {'lr': 0.2}, (-0.5, 0.5),
      150, schedule=S('CosineAnnealingLR', T_max=150), swa={'start': 50}),
    # --- Configs torch rejects ----------------------------------------------------------------
    C('sgd nesterov with dampening is rejected', 'rosenbrock', 'sgd',
      {'lr': 0.01, 'momentum': 0.9, 'dampening': 0.1, 'nesterov': True}, ROSEN_START, 10,
      error_params=['nesterov', 'dampening']),
    C('sgd nesterov without momentum is rejected', 'rosenbrock', 'sgd',
      {'lr': 0.01, 'nesterov': True}, ROSEN_START, 10, error_params=['nesterov', 'momentum']),
    C('adam beta1 = 1 is rejected', 'rosenbrock', 'adam', {'lr': 0.01, 'betas': [1.0, 0.999]},
      ROSEN_START, 10, error_params=['betas']),
    C('adagrad negative lr_decay is rejected', 'rosenbrock', 'adagrad',
      {'lr': 0.01, 'lr_decay': -0.1}, ROSEN_START, 10, error_params=['lr_decay']),
    C('rmsprop negative alpha is rejected', 'rosenbrock', 'rmsprop', {'lr': 0.01, 'alpha': -0.5},
      ROSEN_START, 10, error_params=['alpha']),
    C('adadelta rho > 1 is rejected', 'rosenbrock', 'adadelta', {'rho': 1.5}, ROSEN_START, 10,
      error_params=['rho']),
    C('OneCycleLR cycle_momentum on adagrad is rejected', 'rosenbrock', 'adagrad', {'lr': 0.01},
      ROSEN_START, 10, schedule=S('OneCycleLR', max_lr=0.1, total_steps=10),
      error_params=['cycle_momentum']),
    C('OneCycleLR shorter than the run is rejected', 'rosenbrock', 'sgd',
      {'lr': 0.001, 'momentum': 0.9}, ROSEN_START, 30,
      schedule=S('OneCycleLR', max_lr=0.001, total_steps=20), error_params=['total_steps']),
    C('CosineAnnealingWarmRestarts T_mult = 0 is rejected', 'rosenbrock', 'sgd', {'lr': 0.001},
      ROSEN_START, 10, schedule=S('CosineAnnealingWarmRestarts', T_0=10, T_mult=0),
      error_params=['T_mult']),
    C('LinearLR end_factor > 1 is rejected', 'rosenbrock', 'sgd', {'lr': 0.001}, ROSEN_START,
      10, schedule=S('LinearLR', start_factor=0.5, end_factor=1.5, total_iters=5),
      error_params=['end_factor']),
]


for _mod in REF_MODULES:
    CASES += [C(**c) for c in getattr(_mod, 'CASES', [])]


# ---------------------------------------------------------------------------------------------
# Multi-tensor cases: least squares with a [3, 2] weight W and a [3] bias b (torch's order: W,
# then b), loss = mean((X Wᵀ + b − Y)²) over all 8 × 3 entries, full batch, no noise. The
# per-tensor rules (LAMB's and LARS's trust ratios, Adafactor's factored moments, Muon's
# orthogonalised update) see two tensors of different shapes here.
# ---------------------------------------------------------------------------------------------
LSQ_X = [[0.5, -1.2], [1.5, 0.3], [-0.7, 0.8], [2.0, 1.1], [-1.3, -0.4], [0.2, 1.7],
         [1.1, -0.9], [-0.6, -1.5]]
LSQ_Y = [[1.0, -0.5, 0.3], [2.1, 0.4, -1.0], [-0.8, 1.2, 0.5], [3.0, 1.5, -0.7],
         [-1.6, -0.9, 0.8], [0.9, 2.2, -0.3], [0.7, -1.4, 0.1], [-1.9, -1.1, 1.3]]
LSQ_W0 = [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.25]]
LSQ_B0 = [0.05, -0.1, 0.2]


def lsq_loss(W, b, X, Y):
    pred = X @ W.T + (b if b is not None else 0)
    return ((pred - Y) ** 2).mean()


def run_tensor_case(case):
    X, Y = torch.tensor(LSQ_X), torch.tensor(LSQ_Y)
    bias = case.get('bias', True)
    W = nn.Parameter(torch.tensor(LSQ_W0))
    b = nn.Parameter(torch.tensor(LSQ_B0)) if bias else None
    params = [W, b] if bias else [W]
    opt = TORCH_OPTIMIZERS[case['optimizer']](params, **torch_kwargs(case['params']))

    def flat():
        return [float(v) for p in params for v in p.detach().reshape(-1)]

    def closure():
        opt.zero_grad()
        with torch.enable_grad():
            loss = lsq_loss(W, b, X, Y)
            loss.backward()
        evaluation_points.append(flat())
        return loss.detach()

    trajectory, losses, side, evaluations, evaluation_points = [], [], {}, [], []

    def record(k):
        trajectory.append(flat())
        with torch.no_grad():
            losses.append(float(lsq_loss(W, b, X, Y)))
        if hasattr(opt, 'side_paths'):
            for key, value in (opt.side_paths().items() if k > 0 else
                               ((key, None) for key in opt.SIDE_PATHS)):
                side.setdefault(key, []).append(
                    [float(v) for v in value.detach().reshape(-1)] if k > 0 else None)

    record(0)
    for t in range(case['steps']):
        if uses_closure(opt):
            before = len(evaluation_points)
            opt.step(closure)
            evaluations.append(len(evaluation_points) - before)
        else:
            closure()
            evaluation_points.clear()
            opt.step()
        record(t + 1)
        assert all(math.isfinite(v) for v in trajectory[-1]), f"{case['name']} diverged"
    out = {k: case[k] for k in ('name', 'optimizer', 'params', 'steps')}
    out['shapes'] = [list(p.shape) for p in params]
    out['trajectory'] = trajectory
    out['losses'] = losses
    if side:
        out['side_paths'] = side
    if uses_closure(opt):
        out['evaluations'] = evaluations
    return out


def T(name, optimizer, params, steps=60, **extra):
    return dict(name=name, optimizer=optimizer, params=params, steps=steps, **extra)


TENSOR_CASES = [
    T('lsq sgd momentum', 'sgd', {'lr': 0.05, 'momentum': 0.9, 'weight_decay': 0.01}),
    T('lsq sgd nesterov', 'sgd', {'lr': 0.05, 'momentum': 0.8, 'nesterov': True}),
    T('lsq adagrad', 'adagrad', {'lr': 0.2, 'lr_decay': 0.01, 'weight_decay': 0.01}),
    T('lsq rmsprop centered momentum', 'rmsprop',
      {'lr': 0.01, 'centered': True, 'momentum': 0.5}),
    T('lsq adadelta', 'adadelta', {'lr': 1.0, 'weight_decay': 0.01}),
    T('lsq adam amsgrad', 'adam', {'lr': 0.05, 'amsgrad': True, 'weight_decay': 0.01}),
    T('lsq adamw', 'adamw', {'lr': 0.05, 'weight_decay': 0.1}),
    T('lsq adamax', 'adamax', {'lr': 0.05}),
    T('lsq nadam', 'nadam', {'lr': 0.05}),
    T('lsq radam', 'radam', {'lr': 0.05, 'weight_decay': 0.01}),
    T('lsq lion', 'lion', {'lr': 0.01, 'betas': [0.9, 0.99], 'weight_decay': 0.1}),
]
for _mod in REF_MODULES:
    TENSOR_CASES += [T(**c) for c in getattr(_mod, 'TENSOR_CASES', [])]


# ---------------------------------------------------------------------------------------------
# Schedule-only cases: lr (and OneCycleLR momentum) per step, no surface.
# ---------------------------------------------------------------------------------------------
def run_schedule_case(case):
    w = nn.Parameter(torch.zeros(2))
    opt_id = case['optimizer']
    opt = TORCH_OPTIMIZERS[opt_id]([w], **torch_kwargs(case['optimizer_params']))
    key = cycled_key(opt)
    base_momentum = current_momentum(opt, key) if key else None
    s = build_scheduler(case['schedule'], opt)
    p = case['schedule']['params']
    cycles = case['schedule']['name'] == 'OneCycleLR' and p.get('cycle_momentum', True)
    lrs, momenta = [], []
    for _ in range(case['steps']):
        lrs.append(opt.param_groups[0]['lr'])
        if cycles:
            momenta.append(current_momentum(opt, key))
        opt.step()  # no gradient: nothing moves, but torch sees the documented call order
        s.step()
    out = {
        'name': case['name'],
        'schedule': case['schedule'],
        'optimizer': opt_id,
        'base_lr': case['optimizer_params']['lr'],
        'base_momentum': base_momentum,
        'cycled_momentum': key,
        'steps': case['steps'],
        'lrs': lrs,
    }
    if cycles:
        out['momenta'] = momenta
    return out


def SC(name, schedule, steps, optimizer='sgd', **optimizer_params):
    optimizer_params.setdefault('lr', 0.1)
    return dict(name=name, schedule=schedule, steps=steps, optimizer=optimizer,
                optimizer_params=optimizer_params)


SCHEDULE_CASES = [
    SC('StepLR every step', S('StepLR', step_size=1, gamma=0.97), 150),
    SC('StepLR step_size=30 gamma default', S('StepLR', step_size=30), 200),
    SC('StepLR gamma=0.5', S('StepLR', step_size=25, gamma=0.5), 250, lr=1.0),
    SC('MultiStepLR', S('MultiStepLR', milestones=[30, 80, 150], gamma=0.1), 200),
    SC('MultiStepLR first milestone at 1', S('MultiStepLR', milestones=[1, 2, 100], gamma=0.5),
       150, lr=0.5),
    SC('MultiStepLR milestones beyond the run', S('MultiStepLR', milestones=[50, 500]), 120),
    SC('ExponentialLR 0.99', S('ExponentialLR', gamma=0.99), 400),
    SC('ExponentialLR 0.9 over many steps', S('ExponentialLR', gamma=0.9), 300, lr=2.0),
    SC('CosineAnnealingLR T_max = steps', S('CosineAnnealingLR', T_max=200), 200),
    SC('CosineAnnealingLR past T_max (two periods)', S('CosineAnnealingLR', T_max=50), 220),
    SC('CosineAnnealingLR eta_min past T_max',
       S('CosineAnnealingLR', T_max=70, eta_min=0.01), 300),
    SC('CosineAnnealingLR T_max=1', S('CosineAnnealingLR', T_max=1, eta_min=0.001), 100),
    SC('CosineAnnealingWarmRestarts T_mult=1', S('CosineAnnealingWarmRestarts', T_0=25), 200),
    SC('CosineAnnealingWarmRestarts T_mult=2',
       S('CosineAnnealingWarmRestarts', T_0=10, T_mult=2), 320),
    SC('CosineAnnealingWarmRestarts T_mult=3 eta_min',
       S('CosineAnnealingWarmRestarts', T_0=7, T_mult=3, eta_min=0.02), 300),
    SC('CosineAnnealingWarmRestarts T_0=1', S('CosineAnnealingWarmRestarts', T_0=1, T_mult=2),
       130),
    SC('LinearLR defaults', S('LinearLR'), 100),
    SC('LinearLR warmup', S('LinearLR', start_factor=0.01, total_iters=40), 150),
    SC('LinearLR decay to zero', S('LinearLR', start_factor=1.0, end_factor=0.0, total_iters=100),
       150),
    SC('LinearLR total_iters beyond the run',
       S('LinearLR', start_factor=0.2, end_factor=0.9, total_iters=300), 200),
    SC('LinearLR total_iters=1', S('LinearLR', start_factor=0.5, total_iters=1), 100),
    SC('OneCycleLR sgd defaults', S('OneCycleLR', max_lr=0.5, total_steps=200), 200,
       momentum=0.9),
    SC('OneCycleLR sgd total_steps beyond the run', S('OneCycleLR', max_lr=1.0, total_steps=300),
       250, momentum=0.5),
    SC('OneCycleLR adam cycles beta1', S('OneCycleLR', max_lr=0.01, total_steps=300,
                                         pct_start=0.2), 300, optimizer='adam', lr=0.001),
    SC('OneCycleLR linear anneal', S('OneCycleLR', max_lr=0.2, total_steps=150,
                                     anneal_strategy='linear'), 150, momentum=0.9),
    SC('OneCycleLR three_phase cos',
       S('OneCycleLR', max_lr=0.3, total_steps=200, three_phase=True, base_momentum=0.8,
         max_momentum=0.99), 200, momentum=0.9),
    SC('OneCycleLR three_phase linear',
       S('OneCycleLR', max_lr=0.05, total_steps=400, three_phase=True, anneal_strategy='linear',
         pct_start=0.4, div_factor=5.0, final_div_factor=50.0), 400, optimizer='adamw', lr=0.01),
    SC('OneCycleLR without momentum cycling',
       S('OneCycleLR', max_lr=0.4, total_steps=120, cycle_momentum=False), 120, momentum=0.9),
    SC('OneCycleLR on rmsprop cycles momentum',
       S('OneCycleLR', max_lr=0.01, total_steps=100, pct_start=0.5), 100, optimizer='rmsprop',
       lr=0.001, momentum=0.5),
    SC('WarmupCosine', S('WarmupCosine', warmup_steps=20, total_steps=200, min_lr=0.0), 200),
    SC('WarmupCosine ends before the run',
       S('WarmupCosine', warmup_steps=10, total_steps=120, min_lr=0.001), 200, lr=0.05),
    SC('WarmupCosine one warmup step',
       S('WarmupCosine', warmup_steps=1, total_steps=100, min_lr=0.01), 100, lr=0.3),
    SC('LRRangeTest over the run', S('LRRangeTest', start_lr=1e-7, end_lr=10.0, num_iter=300),
       300, lr=1e-7),
    SC('LRRangeTest holds after num_iter',
       S('LRRangeTest', start_lr=1e-4, end_lr=1.0, num_iter=100), 160, lr=1e-4),
]


# ---------------------------------------------------------------------------------------------
def noise_fixture():
    seeds = [0, 1, 42, 123456789, 4294967295]
    out = []
    for seed in seeds:
        s = NormalStream(seed)
        u32 = [s.next_u32() for _ in range(64)]
        s = NormalStream(seed)
        normals = [s.next_normal() for _ in range(64)]
        out.append({'seed': seed, 'u32': u32, 'normals': normals})
    return out


def header(what):
    return {
        'generator': 'scripts/make_torch_fixtures.py',
        'command': COMMAND,
        'torch_version': torch.__version__,
        'python_version': sys.version.split()[0],
        'dtype': 'float64',
        'description': what,
    }


def write(name, payload):
    path = os.path.join(OUT, name)
    with open(path, 'w') as fh:
        json.dump(payload, fh, allow_nan=False, separators=(',', ':'))
        fh.write('\n')
    print(f'wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path) / 1024:.0f} KiB)')


def main():
    os.makedirs(OUT, exist_ok=True)
    names = [c['name'] for c in CASES] + [c['name'] for c in SCHEDULE_CASES]
    assert len(names) == len(set(names)), 'case names must be unique'
    cases = [run_case(c) for c in CASES]
    for case, c in zip(CASES, cases):
        if 'trajectory' in c:
            c['separates_at'] = separation_step(case, c)
    for c in cases:
        if 'trajectory' in c:
            end = c['trajectory'][-1]
            extra = f" diverged_at={c['diverged_at']}" if c['diverged_at'] is not None else ''
            if c['separates_at'] is not None:
                extra += f" separates_at={c['separates_at']}"
            print(f"  {c['name']:<62} end=({end[0]:+.4g}, {end[1]:+.4g}) "
                  f"loss={c['losses'][-1]:.4g}{extra}")
        else:
            print(f"  {c['name']:<62} error: {c['error']}")
    write('torch_optimizers.json', {
        **header('Optimizer trajectories on 2-D surfaces; see the generator docstring for the '
                 'conventions (lrs, diverged_at, swa_trajectory nulls, error cases).'),
        'notes': [
            'nadam follows torch >= 2.0 (mu_product_next = mu_product * mu_next); torch 1.13 '
            'single-tensor NAdam counts mu twice, a bug fixed in pytorch/pytorch#92699.',
            'lion, sam and newton are not in torch 1.13: written in the generator with torch ops.',
            'rprop, asgd and lbfgs: torch 1.13\'s own classes, whose rules torch 2.x keeps.',
            'adafactor (torch >= 2.5) and muon (torch >= 2.9): torch 2.x\'s single-tensor code '
            'written with torch ops in scripts/torch_ref/adafactor_muon.py; Muon\'s Newton-Schulz '
            'in float64, where torch uses bfloat16.',
            'lamb (torch-optimizer), lars (timm, always_adapt=True) and schedulefree_adamw '
            '(facebookresearch/schedule_free): their reference code in '
            'scripts/torch_ref/large_batch_and_schedule_free.py.',
            'swa_trajectory[k] is null before swa.start (the engine reports NaN there).',
            'separates_at: the first iterate where torch, rerun with its first gradient scaled by '
            '(1 + 1e-15), differs from this run by more than 1e-9 (null: never); a chaotic case '
            'is compared only before it.',
        ],
        'surfaces': {k: v[0] for k, v in SURFACES.items()},
        'cases': cases,
    })
    names = [c['name'] for c in TENSOR_CASES]
    assert len(names) == len(set(names)), 'tensor case names must be unique'
    tensor_cases = [run_tensor_case(c) for c in TENSOR_CASES]
    for c in tensor_cases:
        print(f"  {c['name']:<62} loss {c['losses'][0]:.4g} -> {c['losses'][-1]:.4g}")
    write('torch_tensors.json', {
        **header('Optimizers on a multi-tensor problem: least squares, W [3, 2] and b [3] '
                 '(flat in torch order: W row-major, then b), loss = mean((X Wᵀ + b − Y)²).'),
        'problem': {'X': LSQ_X, 'Y': LSQ_Y, 'W0': LSQ_W0, 'b0': LSQ_B0},
        'cases': tensor_cases,
    })
    mlp_cases = [mlp_reference.run_mlp_case(c, NormalStream, mlp_optimizer)
                 for c in mlp_reference.MLP_CASES]
    for c in mlp_cases:
        print(f"  {c['name']:<62} loss {c['full_losses'][0]:.4g} -> {c['full_losses'][-1]:.4g}"
              f" (test {c['test_losses'][-1]:.4g})")
    write('torch_mlp.json', {
        **header('Real networks (scripts/mlp_reference.py): the lab\'s datasets, init and '
                 'mini-batches, trained with torch; per-step batch, full and test losses and '
                 'the final weights in model.parameters() order.'),
        'cases': mlp_cases,
    })
    write('torch_schedules.json', {
        **header('lr per optimizer step (param_groups[0]["lr"] before optimizer.step()), and '
                 'OneCycleLR momentum or betas[0] when cycled.'),
        'cases': [run_schedule_case(c) for c in SCHEDULE_CASES],
    })
    write('noise.json', {
        **header('src/engine/noise.ts reimplemented in Python: the first 64 u32 of mulberry32 '
                 'and, from a fresh generator, the first 64 Box–Muller normals, per seed.'),
        'seeds': noise_fixture(),
    })


def sensitivity(eps=1e-11):
    """How much each trajectory case amplifies a tiny change of its start (x or y by `eps`).

    Our engine and torch round differently in the last ulp (operation order, fused multiply-adds,
    libm), so a case is only a fair 1e-9 parity test over all its steps if it does not amplify
    such differences: keep a case meant to be compared whole well below ~1e3 (runs at the edge
    of stability, or adaptive methods rattling at a minimum with tiny gradients, can reach
    1e10). A chaotic case on purpose is compared only before its `separates_at`.
    """
    import copy

    for case in CASES:
        if case.get('error_params'):
            continue
        a = run_case(case)
        worst = 0.0
        for d in ((eps, 0.0), (0.0, eps)):
            moved = copy.deepcopy(case)
            moved['start'] = [case['start'][0] + d[0], case['start'][1] + d[1]]
            b = run_case(moved)
            n = min(len(a['trajectory']), len(b['trajectory']))
            for p, q in zip(a['trajectory'][:n], b['trajectory'][:n]):
                worst = max(worst, abs(p[0] - q[0]) / max(1, abs(q[0])),
                            abs(p[1] - q[1]) / max(1, abs(q[1])))
            for p, q in zip(a['losses'][:n], b['losses'][:n]):
                worst = max(worst, abs(p - q) / max(1, abs(q)))
        print(f"  {case['name']:<66} amplification {worst / eps:9.3g}")


if __name__ == '__main__':
    if sys.argv[1:] == ['--sensitivity']:
        sensitivity()
    else:
        main()
