import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../../api/ApiContext';
import { useAuth } from '../../auth/AuthContext';
import { adminApi, type Unit, type UnitImportReport } from './api';
import { CsvImportForm } from './CsvImportForm';
import { ProblemAlert } from './problems';
import { UnitForm } from './UnitForm';
import { UnitUsers } from './UnitUsers';
import './admin.css';

const UNIT_COLUMNS = ['code', 'parent_code', 'type', 'name_th', 'name_en', 'staff_count', 'service_population'];

/** Depth below the root of the shown tree, from the unit's path (`/OBEC/KALASIN2/S1/`). */
function depth(unit: Unit, root: Unit): number {
  return unit.path.split('/').length - root.path.split('/').length;
}

/**
 * The office tree under the caller's unit: pick a unit to edit, move, deactivate, add a unit
 * below it, and manage its users; the whole tree can be imported from CSV.
 */
export function UnitsPage() {
  const { t, i18n } = useTranslation('scoring');
  const http = useHttpClient();
  const { session } = useAuth();
  const queryClient = useQueryClient();
  const rootCode = session?.unitCode ?? '';
  const treeKey = ['scoring', 'units', rootCode, 'subtree'];
  const tree = useQuery({ queryKey: treeKey, queryFn: () => adminApi.subtree(http, rootCode), enabled: rootCode !== '' });
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: treeKey });
  const manager = session?.roles.some((r) => r === 'system-admin' || r === 'area-admin') ?? false;
  const english = i18n.language === 'en';
  const nameOf = (u: Unit) => (english && u.nameEn ? u.nameEn : u.nameTh);

  const units = tree.data ?? [];
  const root = units[0];
  const unit = units.find((u) => u.code === selected) ?? null;

  const setActive = useMutation({
    mutationFn: ({ code, active }: { code: string; active: boolean }) => adminApi.setUnitActive(http, code, active),
    onSuccess: (u) => {
      setNotice(t('admin.units.activeChanged', { code: u.code }));
      void refresh();
    },
  });

  return (
    <section className="scoring-admin">
      <h1>{t('admin.units.title')}</h1>
      <p role="status">{notice}</p>
      {tree.isPending && rootCode !== '' && <p>{t('loading')}</p>}
      <ProblemAlert error={tree.error ?? setActive.error} />
      {root && (
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
            {units.map((u) => (
              <tr key={u.code}>
                <td>{u.code}</td>
                <td style={{ paddingInlineStart: `${depth(u, root) * 1.25 + 0.5}em` }}>
                  <button
                    type="button"
                    className="button"
                    aria-label={t('admin.units.select', { name: nameOf(u) })}
                    aria-pressed={u.code === selected}
                    onClick={() => setSelected(u.code)}
                  >
                    {nameOf(u)}
                  </button>
                </td>
                <td>{t(`admin.units.types.${u.type}` as 'admin.units.types.SCHOOL', { defaultValue: u.type })}</td>
                <td>{u.staffCount}</td>
                <td>{u.active ? t('admin.units.active') : t('admin.units.inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unit && (
        <section aria-labelledby="unit-details">
          <h2 id="unit-details">{t('admin.units.details', { name: nameOf(unit), code: unit.code })}</h2>
          {manager && (
            <>
              <UnitForm
                key={`edit-${unit.code}`}
                unit={unit}
                label={t('admin.units.edit')}
                onSubmit={async (input) => {
                  await adminApi.updateUnit(http, unit.code, input);
                  setNotice(t('admin.units.saved', { code: unit.code }));
                  await refresh();
                }}
              />
              {unit.code !== rootCode && (
                <>
                  <MoveUnitForm
                    key={`move-${unit.code}`}
                    unit={unit}
                    onMoved={async () => {
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
                label={t('admin.units.newChild', { name: nameOf(unit) })}
                onSubmit={async (input) => {
                  const created = await adminApi.createUnit(http, input);
                  setNotice(t('admin.units.created', { code: created.code }));
                  await refresh();
                }}
              />
            </>
          )}
          <UnitUsers key={`users-${unit.code}`} unitCode={unit.code} />
        </section>
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

function MoveUnitForm({ unit, onMoved }: { unit: Unit; onMoved: () => Promise<unknown> }) {
  const { t } = useTranslation('scoring');
  const http = useHttpClient();
  const [parentCode, setParentCode] = useState(unit.parentCode ?? '');
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await adminApi.moveUnit(http, unit.code, parentCode);
      await onMoved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('admin.units.moveButton')}>
      <label>
        {t('admin.units.move')}
        <input required value={parentCode} onChange={(e) => setParentCode(e.target.value.toUpperCase())} />
      </label>
      <button type="submit" className="button">
        {t('admin.units.moveButton')}
      </button>
      <ProblemAlert error={error} />
    </form>
  );
}
