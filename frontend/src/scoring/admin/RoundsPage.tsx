import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../../api/ApiContext';
import { useAuth } from '../../auth/AuthContext';
import { adminApi, nextState, type Round, type RoundInput, type RoundState } from './api';
import { ProblemAlert } from './problems';
import { RoundForm } from './RoundForm';
import './admin.css';

/** Rounds in the caller's scope: create, edit while a draft, and move DRAFT → OPEN → CLOSED → PUBLISHED. */
export function RoundsPage() {
  const { t } = useTranslation('scoring');
  const http = useHttpClient();
  const { session } = useAuth();
  const queryClient = useQueryClient();
  const rounds = useQuery({ queryKey: ['scoring', 'rounds'], queryFn: () => adminApi.rounds(http) });
  const frameworks = useQuery({ queryKey: ['scoring', 'frameworks'], queryFn: () => adminApi.frameworks(http) });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['scoring', 'rounds'] });

  const move = useMutation({
    mutationFn: ({ round, state }: { round: Round; state: RoundState }) => adminApi.moveRound(http, round.id, state),
    onSuccess: (round) => {
      setNotice(t('admin.rounds.moved', { name: round.name, state: t(`admin.rounds.state.${round.state}`) }));
      void refresh();
    },
  });

  const save = async (input: RoundInput, round?: Round) => {
    const saved = round ? await adminApi.updateRound(http, round.id, input) : await adminApi.createRound(http, input);
    setEditing(null);
    setNotice(t('admin.rounds.saved', { name: saved.name }));
    await refresh();
  };

  const canManage = session?.roles.some((r) => r === 'system-admin' || r === 'area-admin') ?? false;

  return (
    <section className="scoring-admin">
      <h1>{t('admin.rounds.title')}</h1>
      <p role="status">{notice}</p>
      {rounds.isPending && <p>{t('loading')}</p>}
      <ProblemAlert error={rounds.error ?? move.error} />
      {canManage && editing !== 'new' && frameworks.data && (
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          {t('admin.rounds.new')}
        </button>
      )}
      {editing === 'new' && frameworks.data && (
        <RoundForm
          frameworks={frameworks.data}
          defaultUnitCode={session?.unitCode ?? ''}
          onSubmit={(input) => save(input)}
          onCancel={() => setEditing(null)}
        />
      )}
      {rounds.data && rounds.data.length === 0 && <p>{t('admin.rounds.none')}</p>}
      {rounds.data && rounds.data.length > 0 && (
        <table aria-label={t('admin.rounds.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.rounds.name')}</th>
              <th scope="col">{t('admin.rounds.fiscalYear')}</th>
              <th scope="col">{t('admin.rounds.framework')}</th>
              <th scope="col">{t('admin.rounds.scope')}</th>
              <th scope="col">{t('admin.rounds.stateLabel')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.data.map((round) => {
              const next = nextState(round.state);
              return [
                <tr key={round.id}>
                  <th scope="row">{round.name}</th>
                  <td>{round.fiscalYear}</td>
                  <td>
                    {round.frameworkId} v{round.frameworkVersion}
                  </td>
                  <td>{round.scopeUnitCode}</td>
                  <td>{t(`admin.rounds.state.${round.state}`)}</td>
                  <td>
                    {canManage && round.state === 'DRAFT' && (
                      <button type="button" className="button" onClick={() => setEditing(round.id)}>
                        {t('admin.rounds.edit', { name: round.name })}
                      </button>
                    )}
                    {canManage && next && (
                      <button
                        type="button"
                        className="button"
                        disabled={move.isPending}
                        onClick={() => move.mutate({ round, state: next })}
                      >
                        {t(`admin.rounds.to.${next}`, { name: round.name })}
                      </button>
                    )}
                  </td>
                </tr>,
                editing === round.id && frameworks.data ? (
                  <tr key={`${round.id}-edit`}>
                    <td colSpan={6}>
                      <RoundForm
                        round={round}
                        frameworks={frameworks.data}
                        defaultUnitCode={round.scopeUnitCode}
                        onSubmit={(input) => save(input, round)}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
