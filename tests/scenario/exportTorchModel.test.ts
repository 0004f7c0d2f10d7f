import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { weightCount } from '../../src/engine/objective.ts';
import { exportTorch } from '../../src/scenario/exportTorch.ts';
import { parseModelScenario } from '../../src/scenario/modelScenario.ts';
import { buildModel, runModelScenario } from '../../src/scenario/runModelScenario.ts';
import { toSimulatedModelRun } from '../../src/scenario/simulateModelOutput.ts';
import { exportTorchModel } from '../../src/scenario/torchExport/exportTorchModel.ts';
import { pyFloat } from '../../src/scenario/torchExport/pyLiteral.ts';
import { EXPORT_NETWORK_CASES } from './exportNetworkCases.ts';

/**
 * tests/fixtures/torch_export_network.json (scripts/make_torch_export_network.ts): the losses
 * torch printed running "Copy as PyTorch" scripts of network scenarios. The scripts must still
 * be the ones torch ran, and `simulate`'s numbers must equal what they printed within 1e-9.
 */
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/torch_export_network.json', import.meta.url), 'utf8'),
) as {
  torch_version: string;
  cases: {
    name: string;
    script_sha256: string;
    runs: { batch_losses: number[]; full_losses: number[]; stopped: string }[];
  }[];
};

const TOL = 1e-9;
const worst = (a: readonly number[], b: readonly number[]) => {
  expect(b.length).toBe(a.length);
  return Math.max(0, ...a.map((x, i) => Math.abs(x - b[i]) / Math.max(1, Math.abs(x))));
};

describe(`network scripts run by torch ${fixture.torch_version} print simulate's losses`, () => {
  for (const c of EXPORT_NETWORK_CASES) {
    const expected = fixture.cases.find((f) => f.name === c.name);
    it(c.name, () => {
      expect(expected, 'run npx tsx scripts/make_torch_export_network.ts').toBeDefined();
      const s = parseModelScenario(c.scenario);
      const sha = createHash('sha256').update(exportTorchModel(s)).digest('hex');
      expect(sha, 'the export changed: run npx tsx scripts/make_torch_export_network.ts').toBe(
        expected!.script_sha256,
      );
      const { results } = runModelScenario(s);
      results.forEach((r, i) => {
        const sim = toSimulatedModelRun(s.runs[i].optimizer, r);
        const torch = expected!.runs[i];
        expect(worst(torch.batch_losses, sim.batch_losses)).toBeLessThanOrEqual(TOL);
        expect(worst(torch.full_losses, sim.full_losses)).toBeLessThanOrEqual(TOL);
        // The lab's stop message says more after the step ("stopped at step 30: …").
        expect(torch.stopped.split(':')[0]).toBe(sim.stopped?.message.split(':')[0] ?? 'finished');
      });
    });
  }
});

const lines = (code: string, pattern: RegExp) => code.split('\n').filter((l) => pattern.test(l));

describe('exportTorchModel', () => {
  const shuffled = parseModelScenario(EXPORT_NETWORK_CASES[2].scenario);

  it('is what exportTorch writes for a network scenario', () => {
    expect(exportTorch(shuffled)).toBe(exportTorchModel(shuffled));
  });

  it('writes the generated data and the init out as numbers, with no generator', () => {
    const code = exportTorchModel(shuffled);
    const { train, test, init } = buildModel(shuffled.model, shuffled.noise.seed);
    expect(code).toContain(`[${pyFloat(train.x[0])}, ${pyFloat(train.x[1])}]`);
    expect(code).toContain(`[${pyFloat(test!.x[0])}, ${pyFloat(test!.x[1])}]`);
    const initText = code.slice(
      code.indexOf('INIT = torch.tensor(['),
      code.indexOf('])\n', code.indexOf('INIT =')),
    );
    expect(initText.match(/-?\d[\d.e+-]*/g)!.length).toBe(init.length);
    expect(init.length).toBe(weightCount(buildModel(shuffled.model, 1).objective));
    expect(code).not.toMatch(/class NormalStream|def mix_seed|manual_seed|torch\.rand/);
  });

  it('writes each epoch the runs reach as an explicit order, for shuffle', () => {
    const code = exportTorchModel(shuffled);
    // 90 examples in batches of 16: 6 batches an epoch, 200 steps reach 34 epochs.
    const start = code.indexOf('EPOCH_ORDERS = [');
    const orders = code.slice(start, code.indexOf('\n]\n', start));
    expect(lines(orders, /^ {4}\[$/).length).toBe(Math.ceil(200 / 6));
    expect(code).toContain('sampler=EpochOrder(EPOCH_ORDERS)');
    const inOrder = exportTorchModel(parseModelScenario(EXPORT_NETWORK_CASES[0].scenario));
    expect(inOrder).not.toContain('EPOCH_ORDERS');
    expect(inOrder).toContain('loader = DataLoader(dataset, batch_size=BATCH_SIZE, shuffle=False)');
  });

  it('builds the nn.Sequential with torch activations and residual blocks', () => {
    const residual = exportTorchModel(parseModelScenario(EXPORT_NETWORK_CASES[1].scenario));
    expect(lines(residual, /^ {8}(nn\.Linear|Residual)/)).toEqual([
      '        nn.Linear(2, 8), nn.ReLU(),',
      '        Residual(nn.Sequential(nn.Linear(8, 8), nn.ReLU())),',
      '        Residual(nn.Sequential(nn.Linear(8, 8), nn.ReLU())),',
      '        nn.Linear(8, 2),',
    ]);
    expect(residual).toContain('class Residual(nn.Module):');
    expect(exportTorchModel(shuffled)).not.toContain('class Residual');
  });

  it('constructs each run’s optimizer and scheduler on model.parameters()', () => {
    const code = exportTorchModel(shuffled);
    expect(lines(code, /^optimizer = |^scheduler = /)).toEqual([
      'optimizer = torch.optim.AdamW(model.parameters(), lr=0.02, weight_decay=0.05)',
      'scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=50, gamma=0.5)',
      'optimizer = torch.optim.RMSprop(model.parameters(), lr=0.01, momentum=0.5)',
      'scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, warmup_cosine)',
    ]);
    expect(lines(code, /^results\.append\(train\(/)).toHaveLength(2);
  });

  it('gives Muon the hidden-to-hidden matrices and AdamW the rest, each with its scheduler', () => {
    const s = parseModelScenario(EXPORT_NETWORK_CASES[EXPORT_NETWORK_CASES.length - 1].scenario);
    const code = exportTorchModel(s);
    expect(lines(code, /^(optimizer|scheduler|adamw|adamw_scheduler) = /).slice(0, 4)).toEqual([
      'optimizer = torch.optim.Muon(muon_params, lr=0.02)',
      'scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=220, eta_min=0.001)',
      'adamw = torch.optim.AdamW(adamw_params, lr=0.003)',
      'adamw_scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(adamw, T_max=220, eta_min=0.001)',
    ]);
    expect(code).toContain('muon_params = [lin.weight for lin in linears[1:-1]]');
    expect(code).not.toMatch(/Muon\([^)]*adamw_lr/);
    expect(lines(code, /^results\.append/)[0]).toContain(
      'model, [optimizer, adamw], [scheduler, adamw_scheduler])',
    );
  });

  it('keeps a hostile label inside its string', () => {
    const s = parseModelScenario({
      model: { data: { name: 'moons', n: 20 } },
      steps: 2,
      runs: [{ optimizer: 'sgd', label: 'x"""\nimport os\n#' }],
    });
    const code = exportTorchModel(s);
    expect(lines(code, /^import os/)).toEqual([]);
  });
});
