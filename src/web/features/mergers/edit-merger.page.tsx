import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { EditMergerForm } from './edit-merger-form.tsx';
import { MergerArchiveSection } from './merger-archive-section.tsx';
import { MergerDeleteSection } from './merger-delete-section.tsx';
import { useMergerRoute } from './merger-route.tsx';

/** «Rediger sammenslåing»: the basics, archiving and deleting, for eier and prosjektleder (decision 033). */
export function EditMergerPage() {
  const { merger, trail, can } = useMergerRoute();
  const { m } = useI18n();
  const t = m.mergers.edit;
  useDocumentTitle(`${t.title} – ${merger.name}`);
  const archived = merger.archivedAt !== null;

  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      {!can('administer') ? (
        <Paragraph>{t.notAllowed}</Paragraph>
      ) : (
        <>
          {!archived && (
            <>
              <Paragraph className='samla-lead'>{t.lead}</Paragraph>
              <EditMergerForm key={merger.version} merger={merger} />
            </>
          )}
          <MergerArchiveSection merger={merger} />
          {can('delete') ? <MergerDeleteSection merger={merger} /> : <Paragraph className='samla-muted'>{t.deleteOwnerOnly}</Paragraph>}
        </>
      )}
    </>
  );
}
