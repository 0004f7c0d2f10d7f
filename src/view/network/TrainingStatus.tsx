import { actions } from '../../state/store.ts';
import { useSimulation } from '../../state/useSimulation.ts';

/** The worker's progress with a way to stop it, and why the network could not be trained. */
export function TrainingStatus() {
  const training = useSimulation((s) => s.training);
  const error = useSimulation((s) => s.networkError);
  return (
    <div className="training-status" aria-live="polite">
      {training && (
        <div className="training-progress">
          <label>
            Training… {training.done > 0 ? training.what : ''}
            <progress max={training.total} value={training.done} />
          </label>
          <button type="button" onClick={actions.cancelTraining}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
