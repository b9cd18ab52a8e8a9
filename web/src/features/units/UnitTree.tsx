import { createContext, useContext, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TUnitChild } from '#contracts/units.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { withAsOf } from './as-of.ts';
import { handleTreeKeys } from './tree-keys.ts';
import { useUnitChildren } from './units.api.ts';

/**
 * Which units are open, by their chain of names ("Tỉnh Quảng Trị/Huyện Hải Lăng") rather than by id: switching
 * the date keeps the reader's place wherever the same names exist in the other structure.
 */
const OpenUnits = createContext<{ isOpen: (path: string) => boolean; toggle: (path: string) => void }>({
  isOpen: () => false,
  toggle: () => undefined,
});

/** Holds the open units of one tree across date switches. */
export function UnitTreeState({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (path: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(path)) next.add(path);
      return next;
    });
  return <OpenUnits.Provider value={{ isOpen: (path) => open.has(path), toggle }}>{children}</OpenUnits.Provider>;
}

interface LevelProps {
  parentId: number | undefined;
  asOf: string;
  /** The date as written in the address (null = today), for links. */
  asOfParam: string | null;
  /** The tree's name; given for the top level only (the root gets role="tree", lower levels role="group"). */
  label?: string;
  level?: number;
  /** Names of the ancestors, joined by "/". */
  path?: string;
}

/** One level of the unit tree, loaded when its parent opens. */
export function UnitTreeLevel({ parentId, asOf, asOfParam, label, level = 1, path = '' }: LevelProps) {
  const children = useUnitChildren(parentId, asOf);
  if (children.isPending) return <Loading />;
  if (children.error) return <ErrorMessage error={children.error} />;
  if (children.data.length === 0) return <Empty>{t('units.noChildren')}</Empty>;
  return (
    <ul
      className="tree"
      role={level === 1 ? 'tree' : 'group'}
      aria-label={label}
      onKeyDown={level === 1 ? handleTreeKeys : undefined}
    >
      {children.data.map((unit) => (
        <UnitTreeNode key={unit.id} unit={unit} asOf={asOf} asOfParam={asOfParam} level={level} path={`${path}/${unit.fullName}`} />
      ))}
    </ul>
  );
}

interface NodeProps {
  unit: TUnitChild;
  asOf: string;
  asOfParam: string | null;
  level: number;
  path: string;
}

/** A unit (treeitem named by its link): an expand button named by the unit, with aria-expanded, and a link. */
function UnitTreeNode({ unit, asOf, asOfParam, level, path }: NodeProps) {
  const { isOpen, toggle } = useContext(OpenUnits);
  const open = isOpen(path);
  const hasChildren = unit.childCount > 0;
  const linkId = `unit-tree-${unit.id}`;
  return (
    <li role="treeitem" aria-labelledby={linkId} aria-level={level} aria-expanded={hasChildren ? open : undefined}>
      <div className="tree-row">
        {hasChildren ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-label={unit.fullName}
            onClick={() => toggle(path)}
          >
            <span aria-hidden="true">{open ? '−' : '+'}</span>
          </button>
        ) : (
          <span className="tree-spacer" aria-hidden="true" />
        )}
        <Link id={linkId} to={withAsOf(`/units/${unit.id}`, asOfParam)} className={unit.hasOrganizations ? undefined : 'unit-empty'}>
          {unit.fullName}
          {!unit.hasOrganizations && <span className="visually-hidden">, {t('units.noRecords')}</span>}
        </Link>
        {hasChildren && (
          <span className="count">
            {formatNumber(unit.childCount)}
            <span className="visually-hidden"> {t('units.subUnits')}</span>
          </span>
        )}
      </div>
      {open && hasChildren && (
        <UnitTreeLevel parentId={unit.id} asOf={asOf} asOfParam={asOfParam} level={level + 1} path={path} />
      )}
    </li>
  );
}
