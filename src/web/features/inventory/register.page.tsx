import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLinkBase, Navigate, useParams, useSearchParams } from 'react-router';
import { hostings, type SolutionAreaView } from '#shared/contracts/inventory.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n, type I18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { exportCsvUrl, exportXlsxUrl, useInventoryList, useSolutionAreas, type AnyItem } from './inventory.api.ts';
import {
  kindBySlug,
  kindSpecs,
  PAGE_SIZE,
  registerFiltersFromSearch,
  registerSearch,
  type ColumnSpec,
  type KindSpec,
  type RegisterFilters,
} from './inventory-kinds.ts';
import { InventoryNav } from './inventory-nav.tsx';

export function InventoryStartPage() {
  const { mergerId } = useMergerRoute();
  return <Navigate to={paths.inventory(mergerId, kindSpecs.systems.slug)} replace />;
}

export function RegisterPage() {
  const { kind = '' } = useParams();
  const { mergerId, merger, trail } = useMergerRoute();
  const spec = kindBySlug(kind);
  const { m } = useI18n();
  useDocumentTitle(spec ? m.inventory.documentTitle(m.inventory.kinds[spec.key], merger.name) : m.inventory.title);
  if (!spec) return <Navigate to={paths.inventory(mergerId)} replace />;
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {m.inventory.title}: {m.inventory.kinds[spec.key]}
      </Heading>
      <InventoryNav mergerId={mergerId} current={spec.key} />
      <Register key={spec.key} merger={merger} spec={spec} />
    </>
  );
}

function Register({ merger, spec }: { merger: MergerDetail; spec: KindSpec }) {
  const i18n = useI18n();
  const { m, fmt } = i18n;
  const t = m.inventory.register;
  const kindName = m.inventory.kinds[spec.key];
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => registerFiltersFromSearch(searchParams), [searchParams]);
  const list = useInventoryList(merger.id, spec.key, filters);
  const areas = useSolutionAreas();
  const announce = useAnnounce();
  const editable = can(merger, 'edit');

  const latest = useRef(filters);
  useEffect(() => {
    latest.current = filters;
  }, [filters]);
  const changeFilters = (change: Partial<RegisterFilters> | 'clear') => {
    // Any change but paging starts again on the first page.
    const next = change === 'clear' ? {} : { ...latest.current, page: undefined, ...change };
    latest.current = next;
    setSearchParams(new URLSearchParams(registerSearch(next)), { replace: true });
  };

  const total = list.data?.total;
  const page = filters.page ?? 1;
  const pages = total === undefined ? 1 : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = total === undefined ? 0 : Math.min(total, page * PAGE_SIZE);
  const countText = total === undefined ? m.common.loading : t.showing(fmt.number(from), fmt.number(to), fmt.number(total));

  const lastCount = useRef<string | undefined>(undefined);
  const countKey = total === undefined || list.isPlaceholderData ? undefined : `${registerSearch(filters)}:${total}`;
  useEffect(() => {
    if (countKey === undefined) return;
    if (lastCount.current !== undefined && lastCount.current !== countKey) announce(countText);
    lastCount.current = countKey;
  }, [countKey, countText, announce]);

  const areaNames = useMemo(() => new Map((areas.data ?? []).map((area) => [area.id, area.name])), [areas.data]);
  const municipalityNames = useMemo(() => new Map(merger.municipalities.map((mu) => [mu.number, mu.name])), [merger]);
  const sort = filters.sort ?? spec.defaultSort;

  return (
    <>
      {!editable && (
        <Alert data-color='info' className='samla-read-only-note'>
          <Paragraph>{t.readOnly}</Paragraph>
        </Alert>
      )}
      <RegisterFilterForm merger={merger} spec={spec} filters={filters} areas={areas.data ?? []} onChange={changeFilters} />
      <div className='samla-filters__foot'>
        <Paragraph data-size='sm' className='samla-muted' id='register-count'>
          {countText}
        </Paragraph>
        <ul className='samla-downloads' aria-label={m.inventory.import.exportHeading}>
          <li>
            <Link href={exportCsvUrl(merger.id, spec.key)} download>
              {t.exportCsv(kindName)}
            </Link>
          </li>
          <li>
            <Link href={exportXlsxUrl(merger.id)} download>
              {t.exportXlsx}
            </Link>
          </li>
        </ul>
        {editable && (
          <Button asChild data-size='sm'>
            <RouterLinkBase to={paths.inventoryNew(merger.id, spec.slug)}>{t.add}</RouterLinkBase>
          </Button>
        )}
      </div>
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Loading />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <Alert data-color='info'>
            <Paragraph>{registerSearch({ ...filters, page: undefined }) === '' ? t.empty : t.none}</Paragraph>
          </Alert>
        ) : (
          <ScrollRegion label={t.tableCaption(kindName)} aria-busy={list.isPlaceholderData}>
            <Table data-color='neutral' className='samla-table samla-table--compact' border data-size='sm'>
              <caption className='ds-sr-only'>{t.tableCaption(kindName)}</caption>
              <Table.Head>
                <Table.Row>
                  {spec.columns.map((column) => {
                    const direction =
                      column.sort === undefined ? undefined : sort === column.sort ? 'ascending' : sort === `-${column.sort}` ? 'descending' : 'none';
                    return (
                      <Table.HeaderCell
                        key={column.field}
                        scope='col'
                        {...(direction ? { sort: direction } : {})}
                        {...(column.sort ? { onClick: () => changeFilters({ sort: direction === 'ascending' ? `-${column.sort}` : column.sort }) } : {})}
                      >
                        {m.inventory.fields[column.field] ?? column.field}
                      </Table.HeaderCell>
                    );
                  })}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((item) => (
                  <Table.Row key={item.id}>
                    {spec.columns.map((column, index) =>
                      index === 0 ? (
                        <Table.HeaderCell key={column.field} scope='row'>
                          <Link asChild>
                            <RouterLinkBase to={paths.inventoryItem(merger.id, spec.slug, item.id)}>
                              {itemTitle(spec, item, m.inventory.register.unnamed)}
                            </RouterLinkBase>
                          </Link>
                        </Table.HeaderCell>
                      ) : (
                        <Table.Cell key={column.field}>{cellText(column, item, i18n, areaNames, municipalityNames)}</Table.Cell>
                      ),
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        ))}
      {pages > 1 && (
        <nav aria-label={t.pagingLabel} className='samla-paging'>
          <Button variant='secondary' data-size='sm' disabled={page <= 1} onClick={() => changeFilters({ page: page - 1 })}>
            {t.previous}
          </Button>
          <span>{t.pageOf(fmt.number(page), fmt.number(pages))}</span>
          <Button variant='secondary' data-size='sm' disabled={page >= pages} onClick={() => changeFilters({ page: page + 1 })}>
            {t.next}
          </Button>
        </nav>
      )}
    </>
  );
}

export function itemTitle(spec: KindSpec, item: AnyItem, fallback: string): string {
  const value = item[spec.titleField];
  if (spec.key === 'integrations') {
    const target = (item.toSystemName as string | null) ?? (item.commonSolutionName as string | null) ?? '';
    return `${String(value ?? '')} → ${target}`;
  }
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function cellText(column: ColumnSpec, item: AnyItem, { m, fmt }: I18n, areaNames: Map<string, string>, municipalityNames: Map<string, string>): string {
  const value = item[column.field];
  if (column.field === 'municipalityNumber') return municipalityNames.get(String(value)) ?? String(value);
  if (column.field === 'solutionAreaId') return typeof value === 'string' ? (areaNames.get(value) ?? value) : '';
  if (column.field === 'toSystemName') return (value as string | null) ?? (item.commonSolutionName as string | null) ?? '';
  if (column.field === 'systems') return (value as Array<{ name: string }>).map((system) => system.name).join(', ');
  if (value === null || value === undefined) return '';
  if (column.kind === 'value') return m.inventory.values[column.field]?.[String(value)] ?? String(value);
  if (column.kind === 'flag') return value ? m.inventory.flag.yes : m.inventory.flag.no;
  if (column.kind === 'number' && typeof value === 'number') return fmt.number(value);
  if (column.kind === 'date' && typeof value === 'string') return fmt.date(value);
  return String(value);
}

interface FilterFormProps {
  merger: MergerDetail;
  spec: KindSpec;
  filters: RegisterFilters;
  areas: SolutionAreaView[];
  onChange: (change: Partial<RegisterFilters> | 'clear') => void;
}

/** Groups solution areas by sector, in the API's order. */
export function bySector(areas: SolutionAreaView[]): Array<{ sector: string; areas: SolutionAreaView[] }> {
  const groups: Array<{ sector: string; areas: SolutionAreaView[] }> = [];
  for (const area of areas) {
    const group = groups.find((candidate) => candidate.sector === area.sector);
    if (group) group.areas.push(area);
    else groups.push({ sector: area.sector, areas: [area] });
  }
  return groups;
}

function RegisterFilterForm({ merger, spec, filters, areas, onChange }: FilterFormProps) {
  const { m } = useI18n();
  const t = m.inventory.register;
  const [q, setQ] = useState(filters.q ?? '');
  const [vendor, setVendor] = useState(filters.vendor ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => setVendor(filters.vendor ?? ''), [filters.vendor]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: q.trim() || undefined, vendor: vendor.trim() || undefined });
  };
  const active = registerSearch({ ...filters, sort: undefined, page: undefined }) !== '';
  return (
    <section className='samla-filters' aria-labelledby='register-filters-heading'>
      <Heading level={2} data-size='2xs' id='register-filters-heading'>
        {t.filtersHeading}
      </Heading>
      <form role='search' onSubmit={submit} className='samla-filters__row samla-filters__row--register'>
        <Textfield id='register-q' label={t.searchLabel} value={q} onChange={(event) => setQ(event.target.value)} type='search' />
        {spec.filters.includes('vendor') && (
          <Textfield id='register-vendor' label={t.vendorFilter} value={vendor} onChange={(event) => setVendor(event.target.value)} />
        )}
        <Field>
          <Label>{m.inventory.fields.municipalityNumber}</Label>
          <Select
            id='register-municipality'
            value={filters.municipality ?? ''}
            onChange={(event) => onChange({ municipality: event.target.value || undefined })}
          >
            <Select.Option value=''>{t.allMunicipalities}</Select.Option>
            {merger.municipalities.map((mu) => (
              <Select.Option key={mu.number} value={mu.number}>
                {mu.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {spec.filters.includes('solutionArea') && (
          <Field>
            <Label>{m.inventory.fields.solutionAreaId}</Label>
            <Select id='register-area' value={filters.solutionArea ?? ''} onChange={(event) => onChange({ solutionArea: event.target.value || undefined })}>
              <Select.Option value=''>{t.allSolutionAreas}</Select.Option>
              {bySector(areas).map((group) => (
                <optgroup key={group.sector} label={group.sector}>
                  {group.areas.map((area) => (
                    <Select.Option key={area.id} value={area.id}>
                      {area.name}
                    </Select.Option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </Field>
        )}
        {spec.filters.includes('hosting') && (
          <Field>
            <Label>{m.inventory.fields.hosting}</Label>
            <Select id='register-hosting' value={filters.hosting ?? ''} onChange={(event) => onChange({ hosting: event.target.value || undefined })}>
              <Select.Option value=''>{t.allHostings}</Select.Option>
              {hostings.map((hosting) => (
                <Select.Option key={hosting} value={hosting}>
                  {m.inventory.values.hosting?.[hosting] ?? hosting}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Button type='submit' variant='secondary' className='samla-filters__submit'>
          {t.search}
        </Button>
        {active && (
          <Button variant='tertiary' data-size='sm' onClick={() => onChange('clear')} className='samla-filters__clear'>
            {t.clearFilters}
          </Button>
        )}
      </form>
    </section>
  );
}
