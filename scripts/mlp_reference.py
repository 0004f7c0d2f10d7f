"""Real networks for tests/fixtures/torch_mlp.json: the lab's datasets, initialisation and
mini-batches rebuilt in Python (src/models/*.ts; the generator is make_torch_fixtures'
NormalStream, bit for bit), a torch nn.Sequential-equivalent MLP with torch's
CrossEntropyLoss, and torch's training loop:

    for t in range(steps):
        xb, yb = batch(t)            # DataLoader(batch_size, shuffle, drop_last=False) order
        optimizer.zero_grad(); loss = CrossEntropyLoss()(model(xb), yb); loss.backward()
        optimizer.step()

Each case records `batch_losses` (loss.item() of every step), `full_losses` (the whole training
set's loss at each of the steps + 1 iterates), `test_losses`, and `weights_final` (flat, in
model.parameters() order).
"""

import math

import torch
from torch import nn

M32 = 0xFFFFFFFF


def imul(a, b):
    return (a * b) & M32


def fmix32(h):
    h ^= h >> 16
    h = imul(h, 0x85ebca6b)
    h ^= h >> 13
    h = imul(h, 0xc2b2ae35)
    h ^= h >> 16
    return h & M32


def mix_seed(seed, stream):
    """src/surfaces/catalog/data/seedMix.ts."""
    return fmix32((seed & M32) ^ fmix32((stream + 0x9e3779b9) & M32))


def sign(v):
    return (v > 0) - (v < 0)


def shape_point(name, c, k, rng):
    """src/models/datasets.ts's SHAPES."""
    if name == 'moons':
        t = math.pi * rng.next_uniform()
        return (math.cos(t), math.sin(t)) if c == 0 else (1 - math.cos(t), 0.5 - math.sin(t))
    if name == 'circles':
        t = 2 * math.pi * rng.next_uniform()
        r = 1 if c == 0 else 0.5
        return r * math.cos(t), r * math.sin(t)
    if name == 'spirals':
        s = rng.next_uniform()
        r = 0.2 + 0.8 * s
        t = 3 * math.pi * s + c * math.pi
        return r * math.cos(t), r * math.sin(t)
    if name == 'xor':
        a = 2 * rng.next_uniform() - 1
        b = rng.next_uniform()
        return a, (1 if c == 0 else -1) * sign(a) * b
    if name == 'blobs':
        t = math.pi / 2 + 2 * math.pi * c / k
        return 1.5 * math.cos(t), 1.5 * math.sin(t)
    raise ValueError(name)


def draw(NormalStream, spec, stream):
    classes = spec.get('classes', 3) if spec['name'] == 'blobs' else 2
    rng = NormalStream(mix_seed(spec['seed'], stream))
    xs, ys = [], []
    for i in range(spec['n']):
        c = i % classes
        px, py = shape_point(spec['name'], c, classes, rng)
        xs.append([px + spec['noise'] * rng.next_normal(), py + spec['noise'] * rng.next_normal()])
        ys.append(c)
    return xs, ys, classes


def linear_init(NormalStream, layers, seed):
    """src/models/linearInit.ts: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weight and bias."""
    rng = NormalStream(seed)
    out = []
    for fan_in, n_out in layers:
        bound = 1 / math.sqrt(fan_in)
        out += [(2 * rng.next_uniform() - 1) * bound for _ in range(n_out * fan_in + n_out)]
    return out


def batches(NormalStream, n, batch_size, shuffle, seed):
    """src/models/minibatches.ts: step t's indices."""
    size = min(batch_size, n)
    per_epoch = -(-n // size)
    cache = {}

    def order(epoch):
        if not shuffle:
            return list(range(n))
        if epoch not in cache:
            o = list(range(n))
            rng = NormalStream(mix_seed(seed, epoch))
            for i in range(n - 1, 0, -1):
                j = math.floor(rng.next_uniform() * (i + 1))
                o[i], o[j] = o[j], o[i]
            cache.clear()
            cache[epoch] = o
        return cache[epoch]

    def at(t):
        epoch, k = divmod(t, per_epoch)
        return order(epoch)[k * size:min(n, (k + 1) * size)]
    return at


ACTIVATIONS = {'relu': torch.relu, 'tanh': torch.tanh, 'sigmoid': torch.sigmoid}


class MLP(nn.Module):
    """h = act(W1 x + b1); for each further hidden layer h <- h + act(W h + b) when residual and
    its width equals the previous one, else act(W h + b); logits = W_out h + b_out."""

    def __init__(self, hidden, classes, activation, residual):
        super().__init__()
        widths = [2] + list(hidden) + [classes]
        self.linears = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths, widths[1:]))
        self.act = ACTIVATIONS[activation]
        self.residual = residual

    def forward(self, x):
        h = x
        last = len(self.linears) - 1
        for i, lin in enumerate(self.linears):
            if i == last:
                return lin(h)
            s = self.act(lin(h))
            h = h + s if self.residual and i > 0 and lin.in_features == lin.out_features else s


def run_mlp_case(case, NormalStream, build_optimizer):
    m = case['model']
    train_x, train_y, classes = draw(NormalStream, m['data'], 0)
    test_x, test_y, _ = draw(NormalStream, m['data'], 1)
    X, Y = torch.tensor(train_x), torch.tensor(train_y)
    XT, YT = torch.tensor(test_x), torch.tensor(test_y)
    model = MLP(m['hidden'], classes, m['activation'], m['residual'])
    widths = [2] + list(m['hidden']) + [classes]
    flat = linear_init(NormalStream, list(zip(widths, widths[1:])), m['init']['seed'])
    with torch.no_grad():
        at = 0
        for p in model.parameters():
            k = p.numel()
            p.copy_(torch.tensor(flat[at:at + k]).reshape(p.shape))
            at += k
    params = list(model.parameters())
    if case['optimizer'] == 'muon':
        opt = muon_with_adamw(model, case['params'], build_optimizer)
    else:
        opt = build_optimizer(case['optimizer'], params, case['params'])
    loss_fn = nn.CrossEntropyLoss()
    batch = batches(NormalStream, len(train_x), m['batch_size'], m['shuffle'], m['data']['seed'])

    def full(Xs, Ys):
        with torch.no_grad():
            return float(loss_fn(model(Xs), Ys))

    full_losses, test_losses, batch_losses = [full(X, Y)], [full(XT, YT)], []
    iterates = [flat_weights(params)]
    for t in range(case['steps']):
        idx = torch.tensor(batch(t))
        opt.zero_grad()
        loss = loss_fn(model(X[idx]), Y[idx])
        loss.backward()
        opt.step()
        batch_losses.append(loss.item())
        full_losses.append(full(X, Y))
        test_losses.append(full(XT, YT))
        iterates.append(flat_weights(params))
    out = {
        'name': case['name'], 'model': m, 'optimizer': case['optimizer'],
        'params': case['params'], 'steps': case['steps'],
        'train': {'x': train_x, 'y': train_y}, 'weights_init': flat,
        'batch_losses': batch_losses, 'full_losses': full_losses, 'test_losses': test_losses,
        'weights_final': [float(v) for p in params for v in p.detach().reshape(-1)],
        'train_accuracy': accuracy(model, X, Y), 'test_accuracy': accuracy(model, XT, YT),
    }
    if case.get('slice'):
        out['slice'] = landscape(case['slice'], NormalStream, model, params, iterates,
                                 lambda: full(X, Y))
        out['hessian_eigenvalues'] = hessian_eigenvalues(model, params, X, Y, loss_fn)
    return out


class Optimizers:
    """Keller Jordan's recipe, `for opt in optimizers: opt.step()`, as one object."""

    def __init__(self, *optimizers):
        self.optimizers = optimizers

    def zero_grad(self):
        for opt in self.optimizers:
            opt.zero_grad()

    def step(self):
        for opt in self.optimizers:
            opt.step()


def muon_with_adamw(model, hyper, build_optimizer):
    """Muon on the hidden-to-hidden weight matrices; torch.optim.AdamW (its defaults, lr =
    adamw_lr) on the first layer, the head and every bias (src/scenario/muonPartner.ts)."""
    linears = list(model.linears)
    hidden = [lin.weight for lin in linears[1:-1]]
    ids = {id(p) for p in hidden}
    rest = [p for p in model.parameters() if id(p) not in ids]
    muon = {k: v for k, v in hyper.items() if k != 'adamw_lr'}
    return Optimizers(build_optimizer('muon', hidden, muon),
                      torch.optim.AdamW(rest, lr=hyper['adamw_lr']))


def hessian_eigenvalues(model, params, X, Y, loss_fn):
    """The training loss's Hessian at the current weights, by double backward, and its
    eigenvalues (torch.linalg.eigvalsh), smallest first."""
    shapes = [p.shape for p in params]
    flat = torch.cat([p.detach().reshape(-1) for p in params])

    def f(w):
        at, tensors = 0, []
        for sh in shapes:
            k = math.prod(sh)
            tensors.append(w[at:at + k].reshape(sh))
            at += k
        h = X
        names = list(model.linears)
        last = len(names) - 1
        for i, lin in enumerate(names):
            W, b = tensors[2 * i], tensors[2 * i + 1]
            z = h @ W.T + b
            if i == last:
                return loss_fn(z, Y)
            s = model.act(z)
            h = h + s if model.residual and i > 0 and W.shape[0] == W.shape[1] else s
    H = torch.autograd.functional.hessian(f, flat)
    return [float(v) for v in torch.linalg.eigvalsh(H)]


def accuracy(model, X, Y):
    with torch.no_grad():
        return float((model(X).argmax(dim=1) == Y).double().mean())


def flat_weights(params):
    return torch.cat([p.detach().reshape(-1) for p in params]).clone()


def filter_normalized(NormalStream, params, center, seed):
    """src/models/landscape/filterNormalized.ts: Gaussian rows rescaled to the centre's row
    norms (Li et al. 2018, d.mul_(w.norm() / (d.norm() + 1e-10))), bias directions zero."""
    rng = NormalStream(seed)
    d, at = [], 0
    for p in params:
        n = p.numel()
        if p.dim() >= 2:
            rows, cols = p.shape[0], n // p.shape[0]
            for r in range(rows):
                row = torch.tensor([rng.next_normal() for _ in range(cols)])
                c = center[at + r * cols:at + (r + 1) * cols]
                d.append(row * (c.norm() / (row.norm() + 1e-10)))
        else:
            d.append(torch.zeros(n))
        at += n
    return torch.cat(d)


def landscape(sl, NormalStream, model, params, iterates, loss_now):
    """The slice at the last iterate: the filter-normalised plane's losses on a grid, and the
    PCA plane of the path (torch.linalg.svd of the offsets from the centre, mean-centred)."""
    center = iterates[-1]
    d1 = filter_normalized(NormalStream, params, center, mix_seed(sl['seed'], 0))
    d2 = filter_normalized(NormalStream, params, center, mix_seed(sl['seed'], 1))
    res, span = sl['resolution'], sl['span']
    axis = [-span + 2 * span * i / (res - 1) for i in range(res)]
    losses = []

    def set_weights(w):
        with torch.no_grad():
            at = 0
            for p in params:
                k = p.numel()
                p.copy_(w[at:at + k].reshape(p.shape))
                at += k
    for a in axis:
        row = []
        for b in axis:
            set_weights(center + a * d1 + b * d2)
            row.append(loss_now())
        losses.append(row)
    set_weights(center)
    Y = torch.stack(iterates) - center
    Y = Y - Y.mean(dim=0)
    _, S, Vh = torch.linalg.svd(Y, full_matrices=False)
    var = S ** 2
    dirs = []
    for v in Vh[:2]:
        big = v[v.abs().argmax()]
        dirs.append([float(x) for x in (v if big > 0 else -v)])
    return {**sl, 'alphas': axis, 'betas': axis, 'losses': losses,
            'd1': [float(x) for x in d1], 'd2': [float(x) for x in d2],
            'pca': {'explained': [float(var[0] / var.sum()), float(var[1] / var.sum())],
                    'd1': dirs[0], 'd2': dirs[1]}}


def M(name, optimizer, params, steps=200, data=None, hidden=(8, 8), activation='tanh',
      residual=False, init_seed=1, batch_size=32, shuffle=False, slice=None):
    data = data or {'name': 'moons', 'n': 100, 'noise': 0.1, 'seed': 1}
    return dict(name=name, optimizer=optimizer, params=params, steps=steps, slice=slice, model={
        'data': data, 'hidden': list(hidden), 'activation': activation, 'residual': residual,
        'init': {'seed': init_seed}, 'batch_size': batch_size, 'shuffle': shuffle})


MLP_CASES = [
    M('moons tanh sgd momentum batch 32', 'sgd', {'lr': 0.1, 'momentum': 0.9},
      slice={'seed': 3, 'span': 1.0, 'resolution': 9}),
    M('moons tanh adam full batch', 'adam', {'lr': 0.01}, batch_size=100,
      slice={'seed': 5, 'span': 0.5, 'resolution': 7}),
    M('circles relu adamw shuffled', 'adamw', {'lr': 0.01, 'weight_decay': 0.05},
      data={'name': 'circles', 'n': 120, 'noise': 0.05, 'seed': 2}, activation='relu',
      hidden=(16,), shuffle=True),
    M('spirals tanh residual rmsprop', 'rmsprop', {'lr': 0.003},
      data={'name': 'spirals', 'n': 100, 'noise': 0.05, 'seed': 3}, hidden=(12, 12, 12),
      residual=True, steps=250),
    M('xor sigmoid adagrad', 'adagrad', {'lr': 0.1},
      data={'name': 'xor', 'n': 80, 'noise': 0.05, 'seed': 4}, activation='sigmoid',
      batch_size=20),
    M('blobs 3 classes lamb', 'lamb', {'lr': 0.01, 'weight_decay': 0.01},
      data={'name': 'blobs', 'n': 90, 'noise': 0.5, 'seed': 5, 'classes': 3}),
    M('moons relu residual lars', 'lars', {'lr': 1.0, 'momentum': 0.5, 'trust_coefficient': 0.01},
      activation='relu', hidden=(8, 8, 8), residual=True),
    M('moons tanh nadam shuffled', 'nadam', {'lr': 0.005}, shuffle=True, batch_size=16),
    M('moons tanh lion', 'lion', {'lr': 0.001, 'betas': [0.9, 0.99], 'weight_decay': 0.1}),
    M('circles tanh schedulefree', 'schedulefree_adamw', {'lr': 0.01},
      data={'name': 'circles', 'n': 100, 'noise': 0.05, 'seed': 6}),
    M('moons tanh muon on hidden matrices, adamw on the rest', 'muon',
      {'lr': 0.02, 'adamw_lr': 0.003}, hidden=(8, 8, 8), steps=250),
    M('spirals relu residual muon match_rms_adamw, adamw on the rest shuffled', 'muon',
      {'lr': 0.01, 'weight_decay': 0.01, 'adjust_lr_fn': 'match_rms_adamw', 'nesterov': False,
       'adamw_lr': 0.005}, data={'name': 'spirals', 'n': 100, 'noise': 0.05, 'seed': 7},
      hidden=(12, 6, 6), activation='relu', residual=True, shuffle=True, steps=220),
]
