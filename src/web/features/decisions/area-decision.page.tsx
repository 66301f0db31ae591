import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { AreaDecision } from '#shared/contracts/decisions.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { Loading, PageLoadError } from '#web/components/query-state.tsx';
import { PriorityTag } from '#web/features/catalog/priority-tag.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { type DecisionValues, valuesOf, withSuggestion } from './decision-form.ts';
import { useAreaDecision } from './decisions.api.ts';
import { SystemsTable } from './systems-table.tsx';
import { Suggestions } from './decision-suggestions.tsx';
import { CurrentDecision } from './current-decision.tsx';
import { DecisionForm } from './decision-edit-form.tsx';
import { Deferral } from './deferral-section.tsx';
import { PlannedTasks } from './planned-tasks.tsx';
import { Reestablish } from './reestablish-section.tsx';
import '#web/styles/decisions.css';
import { Comments } from '#web/features/comments/comments-section.tsx';

export function AreaDecisionPage() {
  const { areaId = '' } = useParams();
  const { mergerId, merger, trail: mergerTrail } = useMergerRoute();
  const { m } = useI18n();
  const t = m.decisions;
  const area = useAreaDecision(mergerId, areaId);
  const name = area.data?.area.name;
  useDocumentTitle(name ? t.areaDocumentTitle(name, merger.name) : t.title);
  const trail = [...mergerTrail, { label: t.title, to: paths.decisions(mergerId) }];
  const error = area.error;
  if (error) {
    return (
      <>
        <PageBreadcrumbs trail={trail} />
        <PageLoadError error={error} onRetry={() => void area.refetch()} />
      </>
    );
  }
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      {area.data ? (
        <AreaView key={area.data.area.id} merger={merger} data={area.data} reload={() => area.refetch().then((result) => result.data)} />
      ) : (
        <>
          <Heading level={1} data-size='lg'>
            {t.title}
          </Heading>
          <Loading />
        </>
      )}
    </>
  );
}

interface AreaViewProps {
  merger: MergerDetail;
  data: AreaDecision;
  reload: () => Promise<AreaDecision | undefined>;
}

function AreaView({ merger, data, reload }: AreaViewProps) {
  const { m } = useI18n();
  const t = m.decisions;
  const announce = useAnnounce();
  const editable = can(merger, 'edit');
  // Adopting, and changing what is adopted, is for prosjektleder and eier (decision 025); members propose.
  const decides = can(merger, 'decide');
  const adoptedLocked = data.decision?.state === 'adopted' && !decides;
  const [values, setValues] = useState<DecisionValues>(() => valuesOf(data));
  const formHeadingRef = useRef<HTMLHeadingElement>(null);
  const municipalityName = (number: string) => merger.municipalities.find((mu) => mu.number === number)?.name ?? number;

  const useSuggestion = (recommendedSystemId: string) => {
    setValues((current) => withSuggestion(current, recommendedSystemId));
    const system = data.systems.find((candidate) => candidate.id === recommendedSystemId);
    announce(t.suggestions.applied(system ? t.form.targetOption(system.name, municipalityName(system.municipalityNumber)) : ''));
    formHeadingRef.current?.focus();
  };

  return (
    <>
      <Heading level={1} data-size='lg'>
        {data.area.name}
      </Heading>
      <dl className='samla-facts samla-overview-facts'>
        <div>
          <dt>{t.area.sector}</dt>
          <dd>{data.area.sector}</dd>
        </div>
        <div>
          <dt>{t.area.priority}</dt>
          <dd>{data.area.priority ? <PriorityTag priority={data.area.priority} /> : t.overview.noPriority}</dd>
        </div>
        <div>
          <dt>{t.area.defaultTiming}</dt>
          <dd>{t.timings[data.area.defaultTiming]}</dd>
        </div>
      </dl>
      {!editable && (
        <Alert data-color='info' className='samla-read-only-note samla-mt-4'>
          <Paragraph>{t.readOnly}</Paragraph>
        </Alert>
      )}

      <section className='samla-section' aria-labelledby='area-tasks-heading'>
        <Heading level={2} data-size='sm' id='area-tasks-heading'>
          {t.area.tasksHeading}
        </Heading>
        {data.area.tasks.length === 0 ? (
          <Paragraph>{t.area.noTasks}</Paragraph>
        ) : (
          <>
            <Paragraph>{t.area.tasksLead}</Paragraph>
            <ul className='samla-task-plain-list'>
              {data.area.tasks.map((task) => (
                <li key={task.id}>
                  {task.title} <PriorityTag priority={task.priority} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <SystemsTable merger={merger} data={data} municipalityName={municipalityName} />
      <Suggestions data={data} editable={editable && !adoptedLocked} municipalityName={municipalityName} onUse={useSuggestion} />
      <CurrentDecision data={data} />
      <Deferral merger={merger} data={data} />
      {editable && adoptedLocked && (
        <section className='samla-section' aria-labelledby='decision-form-heading'>
          <Heading level={2} data-size='sm' id='decision-form-heading'>
            {t.form.heading}
          </Heading>
          <Paragraph data-testid='only-deciders-change'>{t.form.adoptedReadOnly}</Paragraph>
        </section>
      )}
      {editable && !adoptedLocked && (
        <DecisionForm
          merger={merger}
          data={data}
          values={values}
          setValues={setValues}
          reload={reload}
          headingRef={formHeadingRef}
          municipalityName={municipalityName}
        />
      )}
      <PlannedTasks merger={merger} data={data} />
      <Reestablish data={data} municipalityName={municipalityName} />
      <Comments mergerId={merger.id} subjectKind='decision' subjectId={data.area.id} />
    </>
  );
}
