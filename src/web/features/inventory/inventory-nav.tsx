import { Link as RouterLinkBase } from 'react-router';
import type { InventoryKindKey } from '#shared/contracts/inventory.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { kindOrder, kindSpecs } from './inventory-kinds.ts';

/** The eight registers and the tools (side by side, import), as a sub-navigation. */
export function InventoryNav({ mergerId, current }: { mergerId: string; current: InventoryKindKey | 'sideBySide' | 'import' }) {
  const { m } = useI18n();
  const t = m.inventory;
  return (
    <nav aria-label={t.kindsNavLabel} className='samla-inventory-nav'>
      <ul>
        {kindOrder.map((key) => (
          <li key={key}>
            <RouterLinkBase to={paths.inventory(mergerId, kindSpecs[key].slug)} aria-current={current === key ? 'page' : undefined}>
              {t.kinds[key]}
            </RouterLinkBase>
          </li>
        ))}
        <li className='samla-inventory-nav__tool'>
          <RouterLinkBase to={paths.sideBySide(mergerId)} aria-current={current === 'sideBySide' ? 'page' : undefined}>
            {t.sideBySide.title}
          </RouterLinkBase>
        </li>
        <li>
          <RouterLinkBase to={paths.inventoryImport(mergerId)} aria-current={current === 'import' ? 'page' : undefined}>
            {t.import.title}
          </RouterLinkBase>
        </li>
      </ul>
    </nav>
  );
}
