import { Navigate, useParams } from 'react-router';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { Loading, PageLoadError } from '#web/components/query-state.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useInventoryItem } from './inventory.api.ts';
import { kindBySlug } from './inventory-kinds.ts';
import { itemTitle } from './register.page.tsx';
import { ItemForm } from './item-form.tsx';
import { ItemView } from './item-view.tsx';

const NEW = 'ny';

export function InventoryItemPage() {
  const { kind = '', itemId = '' } = useParams();
  const { mergerId, merger, trail: mergerTrail, editable } = useMergerRoute();
  const spec = kindBySlug(kind);
  const { m } = useI18n();
  const isNew = itemId === NEW;
  const item = useInventoryItem(mergerId, spec?.key ?? 'systems', itemId, !!spec && !isNew);
  const title = spec
    ? isNew
      ? m.inventory.newItem[spec.key]
      : item.data
        ? itemTitle(spec, item.data, m.inventory.register.unnamed)
        : m.common.loading
    : m.inventory.title;
  useDocumentTitle(title);
  if (!spec) return <Navigate to={paths.inventory(mergerId)} replace />;

  const trail = [...mergerTrail, { label: m.inventory.kinds[spec.key], to: paths.inventory(mergerId, spec.slug) }];
  const error = item.error;
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      {error ? (
        <>
          <PageLoadError error={error} />
        </>
      ) : !isNew && item.isPending ? (
        <Loading />
      ) : editable ? (
        <ItemForm
          key={item.data?.id ?? NEW}
          spec={spec}
          merger={merger}
          initial={isNew ? undefined : item.data}
          reload={() => item.refetch().then((r) => r.data)}
        />
      ) : item.data ? (
        <ItemView spec={spec} merger={merger} item={item.data} />
      ) : (
        <Navigate to={paths.inventory(mergerId, spec.slug)} replace />
      )}
    </>
  );
}
