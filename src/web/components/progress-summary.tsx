import type { Progress } from '#shared/contracts/plan.tasks.ts';
import { useI18n } from '#web/i18n/messages.ts';

/** «12 av 30 ferdige (40 %)» — the text a screen reader reads; the bar only repeats it. */
export function progressText(progress: Progress, m: ReturnType<typeof useI18n>['m'], fmt: ReturnType<typeof useI18n>['fmt']): string {
  if (progress.total === 0) return m.progress.noTasks;
  if (progress.percent === null) return m.progress.noneRelevant;
  return m.progress.summary(fmt.number(progress.done), fmt.number(progress.relevant), fmt.percent(progress.percent));
}

interface ProgressSummaryProps {
  progress: Progress;
  /** Show «3 pågår · 2 ikke relevante · 1 forfalt» under the main line. */
  details?: boolean;
  size?: 'sm' | 'md';
}

export function ProgressSummary({ progress, details = false, size = 'md' }: ProgressSummaryProps) {
  const { m, fmt } = useI18n();
  const extras: string[] = [];
  if (details) {
    if (progress.inProgress > 0) extras.push(m.progress.inProgress(fmt.number(progress.inProgress)));
    if (progress.notRelevant > 0) extras.push(m.progress.notRelevant(progress.notRelevant));
  }
  const percent = progress.percent ?? 0;
  return (
    <div className={`samla-progress samla-progress--${size}`}>
      <div className='samla-progress__text'>
        <span>{progressText(progress, m, fmt)}</span>
        {extras.length > 0 && <span className='samla-progress__extras'>{extras.join(' · ')}</span>}
        {progress.overdue > 0 && <span className='samla-progress__overdue'>{m.progress.overdue(progress.overdue)}</span>}
      </div>
      <div className='samla-progress__bar' aria-hidden='true'>
        <div className='samla-progress__fill' style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
