import { Fieldset, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { languages, type Language } from '#shared/language.ts';
import { useI18n } from '#web/i18n/messages.ts';

/** The id of the radio for `language`: the error summary links to the first. */
export const documentLanguageInputId = (prefix: string, language: Language = 'nb') => `${prefix}-document-language-${language}`;

/**
 * «Målform for dokumenter» (decision 040): what the merger's report, spreadsheets, calendar,
 * e-mail and library tasks are written in. `note` says why a choice is preselected, or that
 * the municipalities write different målformer and the merged one must choose (språklova).
 */
export function DocumentLanguageField({
  idPrefix,
  value,
  onChange,
  error,
  description,
  note,
}: {
  idPrefix: string;
  value: Language | '';
  onChange: (language: Language) => void;
  error?: string | undefined;
  description: string;
  note?: string | null | undefined;
}) {
  const { m } = useI18n();
  const t = m.mergers.documentLanguage;
  const noteId = `${idPrefix}-document-language-note`;
  return (
    <Fieldset>
      <Fieldset.Legend>{t.legend}</Fieldset.Legend>
      <Fieldset.Description>{description}</Fieldset.Description>
      {note && (
        <Paragraph id={noteId} data-size='sm'>
          {note}
        </Paragraph>
      )}
      <div className='samla-radios'>
        {languages.map((language) => (
          <Radio
            key={language}
            id={documentLanguageInputId(idPrefix, language)}
            name={`${idPrefix}-document-language`}
            value={language}
            label={t.options[language]}
            checked={value === language}
            aria-invalid={error ? true : undefined}
            aria-describedby={note ? noteId : undefined}
            onChange={() => onChange(language)}
          />
        ))}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
