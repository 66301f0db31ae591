import { Alert, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SideBySide, SideBySideArea } from '#shared/contracts/inventory.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { useSideBySide } from './inventory.api.ts';
import { InventoryNav } from './inventory-nav.tsx';

const sectorParam = 'sektor';
const sharedParam = 'felles';
const emptyParam = 'tomme';

export function SideBySidePage() {
  const { mergerId, merger, trail } = useMergerRoute();
  const { m } = useI18n();
  const t = m.inventory.sideBySide;
  const data = useSideBySide(mergerId);
  useDocumentTitle(t.documentTitle(merger.name));
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {m.inventory.title}: {t.title}
      </Heading>
      <InventoryNav mergerId={mergerId} current='sideBySide' />
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {data.isError && <LoadError error={data.error} onRetry={() => void data.refetch()} />}
      {data.isPending && <Loading />}
      {data.data && <Matrix data={data.data} />}
    </>
  );
}

function Matrix({ data }: { data: SideBySide }) {
  const { m } = useI18n();
  const t = m.inventory.sideBySide;
  const [params, setParams] = useSearchParams();
  const sector = params.get(sectorParam) ?? '';
  const onlyShared = params.get(sharedParam) === 'ja';
  const showEmpty = params.get(emptyParam) === 'ja';
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const sectors = useMemo(() => [...new Set(data.areas.map((area) => area.sector ?? t.noArea))], [data, t.noArea]);
  const areas = data.areas.filter(
    (area) =>
      (sector === '' || (area.sector ?? t.noArea) === sector) &&
      (!onlyShared || area.sharedProducts.length > 0) &&
      (showEmpty || area.municipalities.some((entry) => entry.systems.length > 0)),
  );
  const groups: Array<{ sector: string; areas: SideBySideArea[] }> = [];
  for (const area of areas) {
    const name = area.sector ?? t.noArea;
    const group = groups.find((candidate) => candidate.sector === name);
    if (group) group.areas.push(area);
    else groups.push({ sector: name, areas: [area] });
  }
  if (data.areas.length === 0) {
    return (
      <Alert data-color='info'>
        <Paragraph>{t.empty}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <section className='samla-filters' aria-labelledby='sbs-filters-heading'>
        <Heading level={2} data-size='2xs' id='sbs-filters-heading'>
          {m.inventory.register.filtersHeading}
        </Heading>
        <div className='samla-filters__row'>
          <Field>
            <Label>{t.sector}</Label>
            <Select id='sbs-sector' value={sector} onChange={(event) => set(sectorParam, event.target.value || undefined)}>
              <Select.Option value=''>{t.allSectors}</Select.Option>
              {sectors.map((name) => (
                <Select.Option key={name} value={name}>
                  {name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Checkbox
            id='sbs-shared'
            label={t.onlyShared}
            checked={onlyShared}
            onChange={(event) => set(sharedParam, event.target.checked ? 'ja' : undefined)}
            className='samla-filters__check'
          />
          <Checkbox
            id='sbs-empty'
            label={t.showEmpty}
            checked={showEmpty}
            onChange={(event) => set(emptyParam, event.target.checked ? 'ja' : undefined)}
            className='samla-filters__check'
          />
        </div>
        <Paragraph data-size='sm' className='samla-muted' role='status'>
          {t.areaCount(areas.length)}
        </Paragraph>
      </section>
      {areas.length === 0 && (
        <Alert data-color='info'>
          <Paragraph>{t.noMatches}</Paragraph>
        </Alert>
      )}
      {groups.map((group) => (
        <section key={group.sector} className='samla-section' aria-labelledby={`sector-${slug(group.sector)}`}>
          <Heading level={2} data-size='sm' id={`sector-${slug(group.sector)}`}>
            {group.sector}
          </Heading>
          <SectorTable sector={group.sector} areas={group.areas} municipalities={data.municipalities} />
        </section>
      ))}
    </>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-');
}

function SectorTable({ sector, areas, municipalities }: { sector: string; areas: SideBySideArea[]; municipalities: SideBySide['municipalities'] }) {
  const { m } = useI18n();
  const t = m.inventory.sideBySide;
  return (
    <ScrollRegion label={t.caption(sector)}>
      <Table data-color='neutral' className='samla-table samla-sbs-table' border data-size='sm'>
        <caption className='ds-sr-only'>{t.caption(sector)}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope='col'>{t.area}</Table.HeaderCell>
            {municipalities.map((mu) => (
              <Table.HeaderCell key={mu.number} scope='col'>
                {mu.name}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {areas.map((area) => (
            <AreaRow key={area.solutionAreaId ?? 'none'} area={area} municipalities={municipalities} />
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

function AreaRow({ area, municipalities }: { area: SideBySideArea; municipalities: SideBySide['municipalities'] }) {
  const { m } = useI18n();
  const t = m.inventory.sideBySide;
  const sharedIds = new Set(area.sharedProducts.flatMap((group) => group.systemIds));
  return (
    <Table.Row>
      <Table.HeaderCell scope='row' className='samla-sbs-area'>
        <span className='samla-sbs-area__name'>{area.solutionAreaId === null ? t.noArea : area.name}</span>
        {(area.sharedProducts.length > 0 || area.sharedVendors.length > 0) && (
          <ul className='samla-sbs-tags'>
            {area.sharedProducts.map((group) => (
              <li key={`p-${group.name}`}>
                <Tag data-color='success' data-size='sm'>
                  {t.sharedProduct(group.name, group.municipalityNumbers.length)}
                </Tag>
              </li>
            ))}
            {area.sharedVendors.map((group) => (
              <li key={`v-${group.name}`}>
                <Tag data-color='info' data-size='sm'>
                  {t.sharedVendor(group.name, group.municipalityNumbers.length)}
                </Tag>
              </li>
            ))}
          </ul>
        )}
      </Table.HeaderCell>
      {municipalities.map((mu) => {
        const systems = area.municipalities.find((entry) => entry.municipalityNumber === mu.number)?.systems ?? [];
        return (
          <Table.Cell key={mu.number}>
            {systems.length === 0 ? (
              <span className='samla-muted'>{t.none}</span>
            ) : (
              <ul className='samla-sbs-systems'>
                {systems.map((system) => (
                  <li key={system.id} className={sharedIds.has(system.id) ? 'samla-sbs-shared' : undefined}>
                    <strong>{system.name}</strong>
                    {sharedIds.has(system.id) && (
                      <>
                        {' '}
                        <Tag data-color='success' data-size='sm'>
                          {t.sharedTag}
                        </Tag>
                      </>
                    )}
                    <br />
                    <span className='samla-muted'>
                      {[
                        [system.vendor, system.product].filter(Boolean).join(' / '),
                        system.productVersion,
                        system.userCount === null ? null : t.users(system.userCount),
                        system.hosting ? m.inventory.values.hosting?.[system.hosting] : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Table.Cell>
        );
      })}
    </Table.Row>
  );
}
