import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { useAuth } from '../auth/AuthContext';
import { languageOf } from '../i18n/language';
import { adminApi } from '../scoring/admin/api';
import { Actions, Button, Notice, PageSection, TextField } from '../ui/controls';
import { evidenceApi } from './api';

/**
 * One auditor to many units at once (`POST /auditor-assignments`): the whole area (the office and
 * every unit below it) or the units she ticks. All or nothing: a unit out of her scope refuses the
 * whole request, and the screen says nothing was changed.
 */
export function AuditorAssignmentPage() {
  const { t, i18n } = useTranslation('evidence');
  const http = useHttpClient();
  const { session } = useAuth();
  const [auditor, setAuditor] = useState('');
  const [area, setArea] = useState(session?.unitCode ?? '');
  const [mode, setMode] = useState<'area' | 'units'>('area');
  const [chosen, setChosen] = useState<string[]>([]);
  const language = languageOf(i18n);

  const children = useQuery({
    queryKey: ['scoring', 'units', area, 'children'],
    queryFn: () => adminApi.children(http, area, 0),
    enabled: mode === 'units' && area.length > 0,
  });
  const assign = useMutation({
    mutationFn: () => evidenceApi.assignAuditor(http, auditor.trim(), mode === 'area' ? { area } : { unitCodes: chosen }),
  });

  const units = children.data ? [children.data.parent, ...children.data.items] : [];
  const toggle = (code: string) => setChosen((all) => (all.includes(code) ? all.filter((c) => c !== code) : [...all, code]));
  const ready = auditor.trim().length > 0 && (mode === 'area' ? area.length > 0 : chosen.length > 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ready) assign.mutate();
  }

  return (
    <>
      <h1>{t('assign.title')}</h1>
      <p>{t('assign.lead')}</p>
      <form onSubmit={submit}>
        <PageSection title={t('assign.who')}>
          <TextField
            label={t('assign.auditor')}
            hint={t('assign.auditorHint')}
            required
            autoComplete="off"
            value={auditor}
            onChange={(e) => setAuditor(e.target.value)}
          />
        </PageSection>
        <PageSection title={t('assign.where')}>
          {!session?.unitCode && (
            <TextField label={t('assign.areaCode')} required value={area} onChange={(e) => setArea(e.target.value.trim())} />
          )}
          <fieldset className="ui-choices">
            <legend>{t('assign.scope')}</legend>
            <label>
              <input type="radio" name="scope" checked={mode === 'area'} onChange={() => setMode('area')} /> {t('assign.wholeArea', { area })}
            </label>
            <label>
              <input type="radio" name="scope" checked={mode === 'units'} onChange={() => setMode('units')} /> {t('assign.someUnits')}
            </label>
          </fieldset>
          {mode === 'units' && (
            <fieldset className="ui-choices">
              <legend>{t('assign.units', { n: chosen.length })}</legend>
              {children.isPending && <p role="status">{t('checklist.loading')}</p>}
              {children.error instanceof ProblemError && <Notice tone="error">{children.error.detailFor(language)}</Notice>}
              {children.data && children.data.total > children.data.items.length && (
                <p className="ui-hint">{t('assign.firstPage', { shown: children.data.items.length, total: children.data.total })}</p>
              )}
              {units.map((u) => (
                <label key={u.code}>
                  <input type="checkbox" checked={chosen.includes(u.code)} onChange={() => toggle(u.code)} /> {u.nameTh} ({u.code})
                </label>
              ))}
            </fieldset>
          )}
        </PageSection>
        <Actions>
          <Button type="submit" variant="primary" disabled={!ready || assign.isPending}>
            {t('assign.submit')}
          </Button>
        </Actions>
      </form>
      {assign.data && (
        <Notice tone="success">
          {t('assign.done', { auditor: assign.data.auditor, n: assign.data.unitCodes.length, added: assign.data.added })}
          <br />
          {assign.data.unitCodes.join(', ')}
        </Notice>
      )}
      {assign.error && (
        <Notice tone="error">
          <strong>{assign.error instanceof ProblemError ? assign.error.detailFor(language) : t('upload.error.networkWhat')}</strong>
          <br />
          {assign.error instanceof ProblemError && assign.error.status === 403 ? t('assign.outOfScope') : t('assign.nothingChanged')}
        </Notice>
      )}
    </>
  );
}
