/**
 * One action of the pane (a button): runs it, disables the button while it runs, shows a
 * progress bar once it has taken longer than PROGRESS_DELAY_MS, and keeps the Swedish error
 * message of a failure.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Progress, ProgressStep } from "../app/api";
import { errorMessage } from "./format";
import { PROGRESS_DELAY_MS } from "./store";

export interface ActionState {
  running: boolean;
  slow: boolean;
  step: ProgressStep | null;
  fraction: number | null;
  error: string | null;
}

const IDLE: ActionState = { running: false, slow: false, step: null, fraction: null, error: null };

export interface Action extends ActionState {
  /** Runs `work`; resolves with its result, or undefined when it failed (the error is kept). */
  run: <T>(work: (progress: Progress) => Promise<T>) => Promise<T | undefined>;
  clearError: () => void;
}

export function useAction(): Action {
  const [state, setState] = useState<ActionState>(IDLE);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef(false);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const run = useCallback(async <T>(work: (progress: Progress) => Promise<T>) => {
    if (running.current) return undefined;
    running.current = true;
    setState({ ...IDLE, running: true });
    timer.current = setTimeout(() => {
      setState((s) => (s.running ? { ...s, slow: true } : s));
    }, PROGRESS_DELAY_MS);
    const done = (patch: Partial<ActionState>) => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      running.current = false;
      setState({ ...IDLE, ...patch });
    };
    try {
      const result = await work((step, fraction) => {
        setState((s) => (s.running ? { ...s, step, fraction } : s));
      });
      done({});
      return result;
    } catch (e) {
      done({ error: errorMessage(e) });
      return undefined;
    }
  }, []);

  const clearError = useCallback(() => {
    setState((s) => ({ ...s, error: null }));
  }, []);

  return { ...state, run, clearError };
}
