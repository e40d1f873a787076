/**
 * The validation state the task pane shows, kept outside React so that the ribbon's
 * "Validera schema" (which runs before the pane may be open) and the pane's own button share
 * it. React subscribes with useSyncExternalStore.
 */
import type { ProgressStep, SchemakollApp, ValidationView } from "../app/api";
import { errorMessage } from "./format";

/** An action shows a progress bar only when it has taken longer than this. */
export const PROGRESS_DELAY_MS = 500;

export interface ValidationState {
  view: ValidationView | null;
  running: boolean;
  /** True once the running validation has taken longer than PROGRESS_DELAY_MS. */
  slow: boolean;
  step: ProgressStep | null;
  fraction: number | null;
  /** Swedish message of the last failure; null after a success. */
  error: string | null;
}

const INITIAL: ValidationState = {
  view: null,
  running: false,
  slow: false,
  step: null,
  fraction: null,
  error: null,
};

export class ValidationStore {
  private state: ValidationState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private run = 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ValidationState => this.state;

  private set(patch: Partial<ValidationState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Replaces the shown result (after an acceptance, which validates again). */
  setView(view: ValidationView): void {
    this.set({ view, error: null });
  }

  /**
   * Validates and keeps the result. Never throws: a failure is kept as a Swedish message.
   * A second call while one runs joins the running one's successor (the latest result wins).
   */
  async validate(app: SchemakollApp): Promise<ValidationView | null> {
    const run = ++this.run;
    const timer = setTimeout(() => {
      if (run === this.run && this.state.running) this.set({ slow: true });
    }, PROGRESS_DELAY_MS);
    this.set({ running: true, slow: false, step: null, fraction: null, error: null });
    try {
      const view = await app.validate((step, fraction) => {
        if (run === this.run) this.set({ step, fraction });
      });
      if (run === this.run) this.set({ view, running: false, slow: false, error: null });
      return view;
    } catch (e) {
      if (run === this.run) this.set({ running: false, slow: false, error: errorMessage(e) });
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  reset(): void {
    this.run++;
    this.set(INITIAL);
  }
}

/** The one store of the task pane page (the ribbon command and the React tree share it). */
export const validationStore = new ValidationStore();
