import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { RouterLink } from '#web/components/router-link.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { type AnyItem, useSolutionAreas } from './inventory.api.ts';
import type { FieldSpec, KindSpec } from './inventory-kinds.ts';
import { InventoryNav } from './inventory-nav.tsx';
import { itemTitle } from './register.page.tsx';
import { systemsOf } from './item-form.tsx';

/** For a role that may only read: the item's fields as text. */
export function ItemView({ spec, merger, item }: { spec: KindSpec; merger: MergerDetail; item: AnyItem }) {
  const { m, fmt } = useI18n();
  const t = m.inventory.edit;
  const areas = useSolutionAreas();
  const text = (field: FieldSpec): string => {
    if (field.type === 'integrationTarget') return (item.toSystemName as string | null) ?? (item.commonSolutionName as string | null) ?? '';
    if (field.type === 'systems')
      return systemsOf(item)
        .map((system) => system.name)
        .join(', ');
    if (field.type === 'system') return (field.name === 'fromSystemId' ? item.fromSystemName : item.systemName) as string;
    const value = item[field.name];
    if (value === null || value === undefined || value === '') return '';
    if (field.type === 'flag') return value ? m.inventory.flag.yes : m.inventory.flag.no;
    if (field.type === 'choice') return m.inventory.values[field.name]?.[String(value)] ?? String(value);
    if (field.type === 'solutionArea') return areas.data?.find((area) => area.id === value)?.name ?? String(value);
    if (field.type === 'date') return fmt.date(String(value));
    if (typeof value === 'number') return fmt.number(value);
    return String(value);
  };
  return (
    <>
      <Heading level={1} data-size='md'>
        {t.viewTitle(itemTitle(spec, item, m.inventory.register.unnamed))}
      </Heading>
      <InventoryNav mergerId={merger.id} current={spec.key} />
      <Alert data-color='info' className='samla-read-only-note'>
        <Paragraph>{t.readOnly}</Paragraph>
      </Alert>
      <dl className='samla-task-view'>
        <div>
          <dt>{m.inventory.fields.municipalityNumber}</dt>
          <dd>{merger.municipalities.find((mu) => mu.number === item.municipalityNumber)?.name ?? item.municipalityNumber}</dd>
        </div>
        {spec.fields.map((field) => (
          <div key={field.name}>
            <dt>{m.inventory.fields[field.name]}</dt>
            <dd className='samla-pre'>{text(field) || <span className='samla-muted'>{m.common.notSet}</span>}</dd>
          </div>
        ))}
      </dl>
      <Paragraph className='samla-mt-4'>
        <RouterLink to={paths.inventory(merger.id, spec.slug)}>{t.back}</RouterLink>
      </Paragraph>
    </>
  );
}
