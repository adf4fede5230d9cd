import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../../api/ApiContext';
import { useAuth } from '../../auth/AuthContext';
import { ExportButtons } from '../ExportButtons';
import { adminApi, UNIT_SEARCH_LIMIT, unitsExportPath, type ChildUnit, type Unit, type UnitImportReport } from './api';
import { CsvImportForm } from './CsvImportForm';
import { ProblemAlert } from './problems';
import { UnitForm } from './UnitForm';
import { UnitUsers } from './UnitUsers';
import './admin.css';

const UNIT_COLUMNS = ['code', 'parent_code', 'type', 'name_th', 'name_en', 'staff_count', 'service_population'];

/** Query keys of everything read from the tree (children pages, searches): refreshed together after a change. */
const TREE_KEY = ['scoring', 'unit-tree'] as const;

/** A unit's direct children, a page at a time; the first page also names the unit itself. */
function useChildren(code: string, enabled = true) {
  const http = useHttpClient();
  return useInfiniteQuery({
    queryKey: [...TREE_KEY, code, 'children'],
    queryFn: ({ pageParam }) => adminApi.children(http, code, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, pages) =>
      pages.reduce((n, p) => n + p.items.length, 0) < last.total && last.items.length > 0 ? last.page + 1 : undefined,
    enabled: enabled && code !== '',
    // The root's first page is read by the page and again by its rows: once is enough. Changes made
    // here refresh the tree explicitly (invalidation ignores this).
    staleTime: 60_000,
  });
}

/** The codes above a unit, from its path (`/OBEC/KALASIN2/S1/` → `OBEC › KALASIN2`). */
function ancestry(unit: Unit): string {
  return unit.path.split('/').filter(Boolean).slice(0, -1).join(' › ');
}

interface TreeControls {
  selected: Unit | null;
  select: (unit: Unit) => void;
  isExpanded: (code: string) => boolean;
  toggle: (code: string) => void;
  nameOf: (unit: Unit) => string;
}

/** One unit of the tree: its expander (when it has units below), the button that selects it, type, staff, status. */
function UnitRow({ unit, depth, childCount, tree }: { unit: Unit; depth: number; childCount: number; tree: TreeControls }) {
  const { t } = useTranslation('scoring');
  const expanded = tree.isExpanded(unit.code);
  return (
    <tr>
      <td>{unit.code}</td>
      <td style={{ paddingInlineStart: `${depth * 1.25 + 0.5}em` }}>
        {childCount > 0 ? (
          <button
            type="button"
            className="button"
            aria-expanded={expanded}
            aria-label={t('admin.units.expand', { name: tree.nameOf(unit), count: childCount })}
            onClick={() => tree.toggle(unit.code)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span aria-hidden="true" style={{ display: 'inline-block', width: '2.2em' }} />
        )}
        <button
          type="button"
          className="button"
          aria-label={t('admin.units.select', { name: tree.nameOf(unit) })}
          aria-pressed={unit.code === tree.selected?.code}
          onClick={() => tree.select(unit)}
        >
          {tree.nameOf(unit)}
        </button>
      </td>
      <td>{t(`admin.units.types.${unit.type}` as 'admin.units.types.SCHOOL', { defaultValue: unit.type })}</td>
      <td>{unit.staffCount}</td>
      <td>{unit.active ? t('admin.units.active') : t('admin.units.inactive')}</td>
    </tr>
  );
}

/** The loaded children of an expanded unit, each expandable in turn, and a button for the next page. */
function ChildRows({ parent, depth, tree }: { parent: Unit; depth: number; tree: TreeControls }) {
  const { t } = useTranslation('scoring');
  const children = useChildren(parent.code);
  const seen = new Set<string>();
  const items: ChildUnit[] = [];
  for (const c of children.data?.pages.flatMap((p) => p.items) ?? []) {
    if (!seen.has(c.code)) {
      seen.add(c.code);
      items.push(c);
    }
  }
  const total = children.data?.pages.at(-1)?.total ?? 0;
  const indent = { paddingInlineStart: `${depth * 1.25 + 0.5}em` };
  return (
    <>
      {children.isPending && (
        <tr>
          <td colSpan={5} style={indent}>
            {t('loading')}
          </td>
        </tr>
      )}
      {children.error && (
        <tr>
          <td colSpan={5} style={indent}>
            <ProblemAlert error={children.error} />
          </td>
        </tr>
      )}
      {items.map((child) => (
        <Fragment key={child.code}>
          <UnitRow unit={child} depth={depth} childCount={child.childCount} tree={tree} />
          {child.childCount > 0 && tree.isExpanded(child.code) && <ChildRows parent={child} depth={depth + 1} tree={tree} />}
        </Fragment>
      ))}
      {children.hasNextPage && (
        <tr>
          <td colSpan={5} style={indent}>
            <button
              type="button"
              className="button"
              disabled={children.isFetchingNextPage}
              onClick={() => void children.fetchNextPage()}
            >
              {t('admin.units.loadMore', { name: tree.nameOf(parent), loaded: items.length, total })}
            </button>
          </td>
        </tr>
      )}
    </>
  );
}

/** Finds units anywhere below the caller's unit by code or name, without loading the tree. */
function UnitSearch({ rootCode, tree }: { rootCode: string; tree: TreeControls }) {
  const { t } = useTranslation('scoring');
  const http = useHttpClient();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const results = useQuery({
    queryKey: [...TREE_KEY, rootCode, 'search', query],
    queryFn: () => adminApi.searchUnits(http, rootCode, query),
    enabled: query !== '',
  });
  return (
    <>
      <form
        role="search"
        aria-label={t('admin.units.search')}
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(text.trim());
        }}
      >
        <label>
          {t('admin.units.search')}
          <input type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={text.trim() === ''}>
          {t('admin.units.searchButton')}
        </button>
        {query !== '' && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setText('');
              setQuery('');
            }}
          >
            {t('admin.units.searchClear')}
          </button>
        )}
      </form>
      {query !== '' && results.isPending && <p>{t('loading')}</p>}
      {query !== '' && <ProblemAlert error={results.error} />}
      {results.data && results.data.length === 0 && <p>{t('admin.units.searchNone', { q: query })}</p>}
      {results.data && results.data.length > 0 && (
        <table>
          <caption>{t('admin.units.searchResults', { q: query })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.units.code')}</th>
              <th scope="col">{t('admin.units.nameTh')}</th>
              <th scope="col">{t('admin.units.under')}</th>
              <th scope="col">{t('admin.units.status')}</th>
            </tr>
          </thead>
          <tbody>
            {results.data.map((u) => (
              <tr key={u.code}>
                <td>{u.code}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    aria-label={t('admin.units.select', { name: tree.nameOf(u) })}
                    aria-pressed={u.code === tree.selected?.code}
                    onClick={() => tree.select(u)}
                  >
                    {tree.nameOf(u)}
                  </button>
                </td>
                <td>{ancestry(u)}</td>
                <td>{u.active ? t('admin.units.active') : t('admin.units.inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {results.data && results.data.length >= UNIT_SEARCH_LIMIT && (
        <p className="muted">{t('admin.units.searchMore', { limit: UNIT_SEARCH_LIMIT })}</p>
      )}
    </>
  );
}

/**
 * The office tree under the caller's unit, read a level at a time (the national tree has some
 * 30,000 units) or found by search: pick a unit to edit, move, deactivate, add a unit below it, and
 * manage its users; units can be imported from CSV.
 */
export function UnitsPage() {
  const { t, i18n } = useTranslation('scoring');
  const http = useHttpClient();
  const { session } = useAuth();
  const queryClient = useQueryClient();
  const rootCode = session?.unitCode ?? '';
  const top = useChildren(rootCode);
  const [selected, setSelected] = useState<Unit | null>(null);
  // Units whose expansion differs from the default: the caller's own unit starts open, every other closed.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: TREE_KEY });
  const manager = session?.roles.some((r) => r === 'system-admin' || r === 'area-admin') ?? false;
  const english = i18n.language === 'en';

  const isExpanded = (code: string) => (code === rootCode) !== toggled.has(code);
  const tree: TreeControls = {
    selected,
    select: setSelected,
    isExpanded,
    toggle: (code) =>
      setToggled((current) => {
        const next = new Set(current);
        if (next.has(code)) next.delete(code);
        else next.add(code);
        return next;
      }),
    nameOf: (u) => (english && u.nameEn ? u.nameEn : u.nameTh),
  };
  const expand = (code: string) => {
    if (!isExpanded(code)) tree.toggle(code);
  };

  const root = top.data?.pages[0]?.parent;
  const unit = selected;

  const setActive = useMutation({
    mutationFn: ({ code, active }: { code: string; active: boolean }) => adminApi.setUnitActive(http, code, active),
    onSuccess: (u) => {
      setSelected(u);
      setNotice(t('admin.units.activeChanged', { code: u.code }));
      void refresh();
    },
  });

  return (
    <section className="scoring-admin">
      <h1>{t('admin.units.title')}</h1>
      <p role="status">{notice}</p>
      {top.isPending && rootCode !== '' && <p>{t('loading')}</p>}
      <ProblemAlert error={top.error ?? setActive.error} />
      {root && (
        <>
          <UnitSearch rootCode={rootCode} tree={tree} />
          <table aria-label={t('admin.units.tree')}>
            <thead>
              <tr>
                <th scope="col">{t('admin.units.code')}</th>
                <th scope="col">{t('admin.units.nameTh')}</th>
                <th scope="col">{t('admin.units.type')}</th>
                <th scope="col">{t('admin.units.staff')}</th>
                <th scope="col">{t('admin.units.status')}</th>
              </tr>
            </thead>
            <tbody>
              <UnitRow unit={root} depth={0} childCount={top.data?.pages[0]?.total ?? 0} tree={tree} />
              {isExpanded(root.code) && <ChildRows parent={root} depth={1} tree={tree} />}
            </tbody>
          </table>
        </>
      )}
      {unit && (
        <section aria-labelledby="unit-details">
          <h2 id="unit-details">{t('admin.units.details', { name: tree.nameOf(unit), code: unit.code })}</h2>
          {manager && (
            <>
              <UnitForm
                key={`edit-${unit.code}`}
                unit={unit}
                label={t('admin.units.edit')}
                onSubmit={async (input) => {
                  const saved = await adminApi.updateUnit(http, unit.code, input);
                  setSelected(saved);
                  setNotice(t('admin.units.saved', { code: unit.code }));
                  await refresh();
                }}
              />
              {unit.code !== rootCode && (
                <>
                  <MoveUnitForm
                    key={`move-${unit.code}`}
                    unit={unit}
                    rootCode={rootCode}
                    onMoved={async (moved) => {
                      setSelected(moved);
                      setNotice(t('admin.units.moved', { code: unit.code }));
                      await refresh();
                    }}
                  />
                  <button
                    type="button"
                    className="button"
                    disabled={setActive.isPending}
                    onClick={() => setActive.mutate({ code: unit.code, active: !unit.active })}
                  >
                    {unit.active ? t('admin.units.deactivate') : t('admin.units.activate')}
                  </button>
                </>
              )}
              <UnitForm
                key={`new-${unit.code}`}
                parentCode={unit.code}
                label={t('admin.units.newChild', { name: tree.nameOf(unit) })}
                onSubmit={async (input) => {
                  const created = await adminApi.createUnit(http, input);
                  setNotice(t('admin.units.created', { code: created.code }));
                  expand(unit.code);
                  await refresh();
                }}
              />
            </>
          )}
          <UnitUsers key={`users-${unit.code}`} unitCode={unit.code} />
        </section>
      )}
      {manager && (
        <ExportButtons
          label={t('admin.units.export')}
          path={(format) => unitsExportPath(rootCode, format)}
          name={`ita-units-${rootCode}`}
        />
      )}
      {manager && (
        <CsvImportForm<UnitImportReport>
          heading={t('admin.import.title')}
          columns={UNIT_COLUMNS}
          run={async (csv, dryRun) => {
            const report = await adminApi.importUnits(http, csv, dryRun);
            if (!dryRun) await refresh();
            return report;
          }}
          summary={(r) =>
            r.dryRun
              ? t('admin.import.checked', { lines: r.lines, created: r.created, updated: r.updated })
              : t('admin.import.applied', { created: r.created, updated: r.updated })
          }
        />
      )}
    </section>
  );
}

/** A value that follows `value` once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function MoveUnitForm({ unit, rootCode, onMoved }: { unit: Unit; rootCode: string; onMoved: (moved: Unit) => Promise<unknown> }) {
  const { t } = useTranslation('scoring');
  const http = useHttpClient();
  const [parentCode, setParentCode] = useState(unit.parentCode ?? '');
  const [error, setError] = useState<unknown>(null);
  // Suggest parents by code or name from a search, not from the whole tree.
  const typed = useSettled(parentCode.trim());
  const suggestions = useQuery({
    queryKey: [...TREE_KEY, rootCode, 'search', typed],
    queryFn: () => adminApi.searchUnits(http, rootCode, typed),
    enabled: typed.length >= 2 && typed !== unit.parentCode,
  });
  const listId = `move-${unit.code}-parents`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const moved = await adminApi.moveUnit(http, unit.code, parentCode);
      await onMoved(moved);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('admin.units.moveButton')}>
      <label>
        {t('admin.units.move')}
        <input required list={listId} value={parentCode} onChange={(e) => setParentCode(e.target.value.toUpperCase())} />
      </label>
      <datalist id={listId}>
        {(suggestions.data ?? [])
          .filter((u) => u.code !== unit.code && !u.path.startsWith(unit.path))
          .map((u) => (
            <option key={u.code} value={u.code}>
              {u.nameTh}
            </option>
          ))}
      </datalist>
      <button type="submit" className="button">
        {t('admin.units.moveButton')}
      </button>
      <ProblemAlert error={error} />
    </form>
  );
}
