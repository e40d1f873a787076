import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ProgressStep } from "../../app/api";
import { PROGRESS_STEP_LABEL } from "../format";

export interface ProgressProps {
  /** Shown only for an action that has taken longer than half a second. */
  slow: boolean;
  step: ProgressStep | null;
  fraction: number | null;
  /** What is running, e.g. "Validerar schemat". */
  label: string;
}

export function ActionProgress({ slow, step, fraction, label }: ProgressProps) {
  if (!slow) return null;
  const hint = step === null ? "Arbetar…" : PROGRESS_STEP_LABEL[step];
  return (
    <Field label={label} hint={hint} validationState="none">
      <ProgressBar
        aria-label={label}
        thickness="large"
        {...(fraction === null ? {} : { value: Math.min(1, Math.max(0, fraction)), max: 1 })}
      />
    </Field>
  );
}

export function ErrorMessage({ message, title }: { message: string | null; title?: string }) {
  if (message === null) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title ?? "Det gick inte"}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
