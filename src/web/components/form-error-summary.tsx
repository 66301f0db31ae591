import { ErrorSummary } from '@digdir/designsystemet-react';
import { useI18n } from '#web/i18n/messages.ts';

export interface SummaryItem {
  /** The id of the control the link moves focus to. */
  targetId: string;
  message: string;
}

/**
 * The list of what is wrong, at the top of a form, each item linking to its field.
 * Designsystemet's ErrorSummary moves focus to itself when it appears.
 */
export function FormErrorSummary({ items, extra = [] }: { items: SummaryItem[]; extra?: string[] }) {
  const { m } = useI18n();
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
              {item.message}
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
