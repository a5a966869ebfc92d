import type { ApiFailure } from '../api.js';

export function ErrorBox({ error }: { error: ApiFailure }) {
  return (
    <div class="error" role="alert">
      <strong>{error.message}</strong>
      {error.hint && <span> — {error.hint}</span>}
      {error.status > 0 && <span class="muted"> ({error.code}, HTTP {error.status})</span>}
    </div>
  );
}
