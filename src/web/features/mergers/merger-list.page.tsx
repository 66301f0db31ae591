import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLinkBase } from 'react-router';
import type { MergerSummary } from '#shared/contracts/mergers.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { ProgressSummary } from '#web/components/progress-summary.tsx';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { DemoTag, TryDemoButton } from '#web/features/demo/demo-merger.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useMergers } from './mergers.api.ts';

export function MergerListPage() {
  const { m } = useI18n();
  const mergers = useMergers();
  useDocumentTitle(m.mergers.list.title);

  return (
    <>
      <div className='samla-page-head'>
        <div>
          <Heading level={1} data-size='lg'>
            {m.mergers.list.title}
          </Heading>
          <Paragraph className='samla-lead'>{m.mergers.list.lead}</Paragraph>
        </div>
        {mergers.data && mergers.data.length > 0 && (
          <Button asChild>
            <RouterLinkBase to={paths.newMerger()}>{m.mergers.list.create}</RouterLinkBase>
          </Button>
        )}
      </div>

      {mergers.isPending && <Loading />}
      {mergers.isError && <LoadError error={mergers.error} onRetry={() => void mergers.refetch()} />}
      {mergers.data && mergers.data.length === 0 && (
        <Card data-color='accent' variant='tinted' className='samla-empty'>
          <Heading level={2} data-size='sm'>
            {m.mergers.list.emptyHeading}
          </Heading>
          <Paragraph>{m.mergers.list.emptyText}</Paragraph>
          <Button asChild>
            <RouterLinkBase to={paths.newMerger()}>{m.mergers.list.emptyAction}</RouterLinkBase>
          </Button>
          <TryDemoButton />
        </Card>
      )}
      {mergers.data && mergers.data.length > 0 && <Lists mergers={mergers.data} />}
    </>
  );
}

/** Archived mergers apart, under «Arkiverte», so the ones being worked on come first. */
function Lists({ mergers }: { mergers: MergerSummary[] }) {
  const { m } = useI18n();
  const active = mergers.filter((merger) => merger.archivedAt === null);
  const archived = mergers.filter((merger) => merger.archivedAt !== null);
  return (
    <>
      <Paragraph data-size='sm' className='samla-muted'>
        {m.mergers.list.count(active.length)}
      </Paragraph>
      <ul className='samla-card-list'>
        {active.map((merger) => (
          <li key={merger.id}>
            <MergerCard merger={merger} />
          </li>
        ))}
      </ul>
      {archived.length > 0 && (
        <section className='samla-section' aria-labelledby='archived-mergers-heading'>
          <Heading level={2} data-size='sm' id='archived-mergers-heading'>
            {m.mergers.archived.listHeading}
          </Heading>
          <ul className='samla-card-list'>
            {archived.map((merger) => (
              <li key={merger.id}>
                <MergerCard merger={merger} headingLevel={3} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function MergerCard({ merger, headingLevel = 2 }: { merger: MergerSummary; headingLevel?: 2 | 3 }) {
  const { m, fmt } = useI18n();
  return (
    <Card data-color='neutral' className='samla-merger-card'>
      <Heading level={headingLevel} data-size='sm'>
        <RouterLink to={paths.merger(merger.id)}>{merger.name}</RouterLink>
        {merger.archivedAt !== null && (
          <>
            {' '}
            <Tag data-color='neutral' data-size='sm'>
              {m.mergers.archived.tag}
            </Tag>
          </>
        )}
        {merger.isDemo && (
          <>
            {' '}
            <DemoTag />
          </>
        )}
      </Heading>
      <dl className='samla-facts'>
        <div>
          <dt>{m.mergers.list.newMunicipality}</dt>
          <dd>{merger.newMunicipalityName}</dd>
        </div>
        <div>
          <dt>{m.mergers.list.mergerDate}</dt>
          <dd>{fmt.date(merger.mergerDate)}</dd>
        </div>
        <div>
          <dt>{m.mergers.list.municipalities}</dt>
          <dd>{fmt.list(merger.municipalities.map((municipality) => municipality.name))}</dd>
        </div>
      </dl>
      <div>
        <span className='samla-label'>{m.mergers.list.progress}</span>
        <ProgressSummary progress={merger.progress} size='sm' />
      </div>
    </Card>
  );
}
