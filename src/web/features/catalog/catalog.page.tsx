import { Card, Details, Heading, Link, Paragraph, Switch, Tag } from '@digdir/designsystemet-react';
import { Fragment } from 'react';
import { useSearchParams } from 'react-router';
import type { Catalog, CatalogResponse, OpportunityArea, Phase } from '#catalog/catalog.schema.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { useCatalog } from './catalog.api.ts';
import { PriorityTag } from './priority-tag.tsx';

const LOW_HANGING_PARAM = 'lavthengende';
const LOW_HANGING_ON = 'ja';

const sectionIds = {
  introduction: 'innledning',
  advice: 'rad',
  process: 'faser',
  priorities: 'prioritering',
  sectors: 'tjenesteomrader',
  opportunities: 'muligheter',
} as const;

export function CatalogPage() {
  const { m } = useI18n();
  const catalog = useCatalog();
  useDocumentTitle(m.catalog.title);
  return (
    <>
      <Heading level={1} data-size='lg'>
        {m.catalog.title}
      </Heading>
      {catalog.isPending && <Loading />}
      {catalog.isError && <LoadError error={catalog.error} onRetry={() => void catalog.refetch()} />}
      {catalog.data && <CatalogContent catalog={catalog.data} />}
    </>
  );
}

function CatalogContent({ catalog }: { catalog: CatalogResponse }) {
  const { m } = useI18n();
  const t = m.catalog;
  return (
    <>
      <Paragraph className='samla-lead'>
        {t.source(catalog.source.title, catalog.source.publisher, catalog.source.author, catalog.source.basedOn)} {t.version(catalog.version)}
      </Paragraph>
      {/* Nynorsk and English are Samla's translations, not KS' text: said where the source is named. */}
      {catalog.attribution && (
        <Paragraph data-size='sm' className='samla-muted' lang={catalog.language}>
          {catalog.attribution}
        </Paragraph>
      )}

      <nav aria-labelledby='toc-heading' className='samla-toc'>
        <Heading level={2} data-size='2xs' id='toc-heading'>
          {t.tocLabel}
        </Heading>
        <ol>
          {(Object.keys(sectionIds) as Array<keyof typeof sectionIds>).map((key) => (
            <li key={key}>
              <Link href={`#${sectionIds[key]}`}>{t.sections[key]}</Link>
            </li>
          ))}
        </ol>
      </nav>

      <section id={sectionIds.introduction} aria-labelledby={`${sectionIds.introduction}-h`} className='samla-section samla-prose'>
        <Heading level={2} data-size='md' id={`${sectionIds.introduction}-h`}>
          {t.sections.introduction}
        </Heading>
        {catalog.introduction.map((text) => (
          <Paragraph key={text}>{text}</Paragraph>
        ))}
      </section>

      <AdviceSection catalog={catalog} />
      <ProcessSection catalog={catalog} />
      <PrioritiesSection catalog={catalog} />
      <SectorsSection catalog={catalog} />
      <OpportunitiesSection catalog={catalog} />
    </>
  );
}

function AdviceSection({ catalog }: { catalog: Catalog }) {
  const { m, fmt } = useI18n();
  const t = m.catalog;
  return (
    <section id={sectionIds.advice} aria-labelledby={`${sectionIds.advice}-h`} className='samla-section'>
      <Heading level={2} data-size='md' id={`${sectionIds.advice}-h`}>
        {t.sections.advice}
      </Heading>
      <ol className='samla-card-list samla-advice-list'>
        {catalog.advice.map((advice) => (
          <li key={advice.id}>
            <Card data-color='neutral' className='samla-advice'>
              <Heading level={3} data-size='xs'>
                {t.adviceNumber(fmt.number(advice.number), advice.title)}
              </Heading>
              <Paragraph className='samla-advice__lead'>{advice.lead}</Paragraph>
              <Details>
                <Details.Summary>{t.readMore}</Details.Summary>
                <Details.Content className='samla-prose'>
                  {advice.paragraphs.map((text) => (
                    <Paragraph key={text}>{text}</Paragraph>
                  ))}
                  {advice.footnotes && advice.footnotes.length > 0 && (
                    <>
                      <Heading level={4} data-size='2xs'>
                        {t.footnotes}
                      </Heading>
                      <ol className='samla-footnotes'>
                        {advice.footnotes.map((note) => (
                          <li key={note}>{note}</li>
                        ))}
                      </ol>
                    </>
                  )}
                </Details.Content>
              </Details>
            </Card>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ProcessSection({ catalog }: { catalog: Catalog }) {
  const { m } = useI18n();
  const t = m.catalog;
  return (
    <section id={sectionIds.process} aria-labelledby={`${sectionIds.process}-h`} className='samla-section'>
      <Heading level={2} data-size='md' id={`${sectionIds.process}-h`}>
        {t.sections.process}
      </Heading>
      <div className='samla-prose'>
        {[...catalog.process.introduction, ...catalog.process.checklistIntroduction].map((text) => (
          <Paragraph key={text}>{text}</Paragraph>
        ))}
      </div>
      <ol className='samla-card-list'>
        {catalog.phases.map((phase) => (
          <li key={phase.id}>
            <PhaseCard phase={phase} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function PhaseCard({ phase }: { phase: Phase }) {
  const { m, fmt } = useI18n();
  const t = m.catalog;
  const taskCount = phase.activities.reduce((sum, activity) => sum + activity.tasks.length, 0);
  return (
    <Card data-color='neutral' className='samla-catalog-phase'>
      <Heading level={3} data-size='sm'>
        {t.phaseHeading(fmt.number(phase.number), phase.name)}
      </Heading>
      <Paragraph className='samla-prose'>{phase.description}</Paragraph>
      <Paragraph data-size='sm' className='samla-muted'>
        {t.taskCount(taskCount)}
      </Paragraph>
      <div className='samla-catalog-activities'>
        {phase.activities.map((activity) => {
          const groups: Array<{ group: string | undefined; titles: Array<{ id: string; title: string }> }> = [];
          for (const task of activity.tasks) {
            const last = groups.at(-1);
            if (last && last.group === task.group) last.titles.push({ id: task.id, title: task.title });
            else groups.push({ group: task.group, titles: [{ id: task.id, title: task.title }] });
          }
          return (
            <div key={activity.id} className='samla-catalog-activity'>
              <Heading level={4} data-size='2xs'>
                {activity.title}
              </Heading>
              {activity.tasks.length === 0 && (
                <Paragraph data-size='sm' className='samla-muted'>
                  {t.noTasks}
                </Paragraph>
              )}
              {groups.map((group, index) => (
                <Fragment key={`${group.group ?? ''}-${index}`}>
                  {group.group && (
                    <Heading level={5} data-size='2xs' className='samla-catalog-group'>
                      {group.group}
                    </Heading>
                  )}
                  <ul className='samla-task-lines'>
                    {group.titles.map((task) => (
                      <li key={task.id}>{task.title}</li>
                    ))}
                  </ul>
                </Fragment>
              ))}
            </div>
          );
        })}
      </div>
    </Card>
  );
}

function PrioritiesSection({ catalog }: { catalog: Catalog }) {
  const { m } = useI18n();
  const t = m.catalog;
  const { prioritization } = catalog;
  return (
    <section id={sectionIds.priorities} aria-labelledby={`${sectionIds.priorities}-h`} className='samla-section'>
      <Heading level={2} data-size='md' id={`${sectionIds.priorities}-h`}>
        {t.sections.priorities}
      </Heading>
      <div className='samla-prose'>
        {prioritization.introduction.map((text) => (
          <Paragraph key={text}>{text}</Paragraph>
        ))}
      </div>
      <Heading level={3} data-size='xs'>
        {t.prioritiesHeading}
      </Heading>
      <ol className='samla-priorities'>
        {prioritization.priorities.map((priority) => (
          <li key={priority.id}>
            <Heading level={4} data-size='2xs'>
              {priority.area}
            </Heading>
            <Paragraph>{priority.text}</Paragraph>
            {priority.footnotes?.map((note) => (
              <Paragraph key={note} data-size='sm' className='samla-muted'>
                {note}
              </Paragraph>
            ))}
          </li>
        ))}
      </ol>
      <Card data-color='neutral' variant='tinted' className='samla-legend'>
        <Heading level={3} data-size='xs'>
          {t.legendHeading}
        </Heading>
        <dl>
          <div>
            <dt>
              <PriorityTag priority='critical' />
            </dt>
            <dd>{prioritization.legend.critical}</dd>
          </div>
          <div>
            <dt>
              <PriorityTag priority='medium' />
            </dt>
            <dd>{prioritization.legend.medium}</dd>
          </div>
        </dl>
      </Card>
    </section>
  );
}

function SectorsSection({ catalog }: { catalog: Catalog }) {
  const { m } = useI18n();
  const t = m.catalog;
  return (
    <section id={sectionIds.sectors} aria-labelledby={`${sectionIds.sectors}-h`} className='samla-section'>
      <Heading level={2} data-size='md' id={`${sectionIds.sectors}-h`}>
        {t.sections.sectors}
      </Heading>
      <div className='samla-prose'>
        {catalog.sectorsIntroduction.map((text) => (
          <Paragraph key={text}>{text}</Paragraph>
        ))}
      </div>
      {catalog.sectors.map((sector) => (
        <div key={sector.id} className='samla-sector'>
          <Heading level={3} data-size='sm'>
            {t.sectorHeading(sector.number, sector.name)}
          </Heading>
          <ul className='samla-area-grid'>
            {sector.solutionAreas.map((area) => (
              <li key={area.id}>
                <Card data-color='neutral' className={`samla-area samla-area--${area.priority}`}>
                  <div className='samla-area__head'>
                    <Heading level={4} data-size='2xs'>
                      {area.name}
                    </Heading>
                    <span className='ds-sr-only'>{area.priority === 'critical' ? t.criticalSolutionArea : t.mediumSolutionArea}</span>
                  </div>
                  <ul className='samla-priority-tasks'>
                    {area.tasks.map((task) => (
                      <li key={task.id}>
                        <PriorityTag priority={task.priority} />
                        <span>{task.title}</span>
                      </li>
                    ))}
                  </ul>
                </Card>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Consecutive areas under the same ch. 5 sector heading; areas without a sector stand alone. */
function groupBySector(areas: OpportunityArea[]): Array<{ sector: string | null; areas: OpportunityArea[] }> {
  const groups: Array<{ sector: string | null; areas: OpportunityArea[] }> = [];
  for (const area of areas) {
    const last = groups.at(-1);
    if (area.sector !== null && last && last.sector === area.sector) last.areas.push(area);
    else groups.push({ sector: area.sector, areas: [area] });
  }
  return groups;
}

function OpportunitiesSection({ catalog }: { catalog: Catalog }) {
  const { m } = useI18n();
  const t = m.catalog;
  const [searchParams, setSearchParams] = useSearchParams();
  const onlyLowHanging = searchParams.get(LOW_HANGING_PARAM) === LOW_HANGING_ON;
  const all = catalog.opportunities.areas.flatMap((area) => area.opportunities);
  const shownCount = onlyLowHanging ? all.filter((o) => o.lowHangingFruit).length : all.length;

  const setOnly = (value: boolean) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(LOW_HANGING_PARAM, LOW_HANGING_ON);
    else next.delete(LOW_HANGING_PARAM);
    setSearchParams(next, { replace: true, preventScrollReset: true });
  };

  const renderArea = (area: OpportunityArea, level: 3 | 4) => {
    const items = onlyLowHanging ? area.opportunities.filter((o) => o.lowHangingFruit) : area.opportunities;
    return (
      <div key={area.id} className='samla-opportunity-area'>
        <Heading level={level} data-size='2xs'>
          {area.name}
        </Heading>
        {items.length === 0 ? (
          <Paragraph data-size='sm' className='samla-muted'>
            {t.noLowHanging}
          </Paragraph>
        ) : (
          <ul className='samla-opportunities'>
            {items.map((opportunity) => (
              <li key={opportunity.id}>
                <span>{opportunity.title}</span>
                {opportunity.lowHangingFruit && (
                  <Tag data-size='sm' data-color='success' className='samla-fruit-tag'>
                    {t.lowHangingFruit}
                  </Tag>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  };

  return (
    <section id={sectionIds.opportunities} aria-labelledby={`${sectionIds.opportunities}-h`} className='samla-section'>
      <Heading level={2} data-size='md' id={`${sectionIds.opportunities}-h`}>
        {t.sections.opportunities}
      </Heading>
      <div className='samla-prose'>
        {catalog.opportunities.introduction.map((text) => (
          <Paragraph key={text}>{text}</Paragraph>
        ))}
      </div>
      <div className='samla-opportunity-filter'>
        <Switch id='filter-low-hanging' label={t.lowHangingFilter} checked={onlyLowHanging} onChange={(event) => setOnly(event.target.checked)} />
        <Paragraph data-size='sm' className='samla-muted' role='status'>
          {t.lowHangingCount(shownCount, all.length)}
        </Paragraph>
      </div>
      <div className='samla-opportunity-groups'>
        {groupBySector(catalog.opportunities.areas).map((group, index) =>
          group.sector === null ? (
            group.areas.map((area) => renderArea(area, 3))
          ) : (
            <div key={`${group.sector}-${index}`} className='samla-opportunity-sector'>
              <Heading level={3} data-size='xs'>
                {group.sector}
              </Heading>
              {group.areas.map((area) => renderArea(area, 4))}
            </div>
          ),
        )}
      </div>
    </section>
  );
}
