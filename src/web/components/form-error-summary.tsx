import { ErrorSummary } from '@digdir/designsystemet-react';
import { useLayoutEffect, useState } from 'react';
import { useI18n } from '#web/i18n/messages.ts';
import { messageNamingField } from '#web/lib/field-errors.ts';

export interface SummaryItem {
  /** The id of the control the link moves focus to. */
  targetId: string;
  message: string;
  /** The field's name, when the caller knows it; otherwise it is read from the field's label on the page. */
  label?: string;
}

/**
 * The list of what is wrong, at the top of a form, each item linking to its field.
 * Designsystemet's ErrorSummary moves focus to itself when it appears.
 *
 * Each item names its field («Verdi: Oppgi et tall.»), unless the message already does:
 * the messages are written to stand next to their field, and the summary is read away from it.
 * The name is the field's label as the page shows it, so every form gets this without
 * keeping a second list of names.
 */
export function FormErrorSummary({ items, extra = [] }: { items: SummaryItem[]; extra?: string[] }) {
  const { m } = useI18n();
  const [labels, setLabels] = useState<Record<string, string>>({});
  const wanted = items
    .filter((item) => item.label === undefined)
    .map((item) => item.targetId)
    .join('\n');
  useLayoutEffect(() => {
    const next: Record<string, string> = {};
    for (const id of wanted ? wanted.split('\n') : []) {
      const label = fieldLabel(id);
      if (label) next[id] = label;
    }
    setLabels((current) => (sameRecord(current, next) ? current : next));
  }, [wanted]);

  if (items.length === 0 && extra.length === 0) return null;
  return (
    <ErrorSummary className='samla-error-summary'>
      <ErrorSummary.Heading level={2} data-size='xs'>
        {m.errors.summaryHeading}
      </ErrorSummary.Heading>
      <ErrorSummary.List>
        {items.map((item) => (
          <ErrorSummary.Item key={item.targetId}>
            <ErrorSummary.Link
              href={`#${item.targetId}`}
              onClick={(event) => {
                // Move focus without changing the URL (the router owns it).
                event.preventDefault();
                const target = document.getElementById(item.targetId);
                target?.focus();
                target?.scrollIntoView({ block: 'center' });
              }}
            >
              {messageNamingField(item.label ?? labels[item.targetId], item.message)}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
        {extra.map((message) => (
          <ErrorSummary.Item key={message}>{message}</ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/**
 * The name of the field with this id, as the page shows it: its label, what labels it by
 * aria, or — for one radio button or checkbox of a group — the group's legend, since the
 * button's own label names an option rather than the field.
 */
function fieldLabel(id: string): string | null {
  const element = document.getElementById(id);
  if (!element) return null;
  const text = (node: Element | null | undefined) => node?.textContent?.trim() || null;
  if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) {
    const legend = text(element.closest('fieldset')?.querySelector('legend'));
    if (legend) return legend;
  }
  if (element instanceof HTMLFieldSetElement) return text(element.querySelector('legend'));
  const labelled = element.getAttribute('aria-labelledby');
  if (labelled) {
    const joined = labelled
      .split(/\s+/)
      .map((part) => text(document.getElementById(part)))
      .filter(Boolean)
      .join(' ');
    if (joined) return joined;
  }
  const labels = 'labels' in element ? (element as HTMLInputElement).labels : null;
  if (labels && labels.length > 0) return text(labels[0]);
  return element.getAttribute('aria-label');
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
