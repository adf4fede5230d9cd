import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { METTA_ELEMENTS, PDCA_PHASES, type Activity } from './api';

/**
 * The plan as a grid: PDCA phases across, METTA elements down. An activity with several elements
 * appears in each of their rows, so every element shows all the work that serves it.
 */
export function PlanBoard({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation('activity');
  return (
    <section className="card" aria-labelledby="plan-board-heading">
      <h2 id="plan-board-heading">{t('board.heading')}</h2>
      <div className="table-scroll">
        <table className="plan-board">
          <thead>
            <tr>
              <th scope="col">{t('board.element')}</th>
              {PDCA_PHASES.map((phase) => (
                <th scope="col" key={phase}>
                  {t(`pdca.${phase}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {METTA_ELEMENTS.map((element) => (
              <tr key={element}>
                <th scope="row">{t(`metta.${element}`)}</th>
                {PDCA_PHASES.map((phase) => {
                  const cell = activities.filter((a) => a.pdcaPhase === phase && a.mettaElements.includes(element));
                  return (
                    <td key={phase} data-testid={`cell-${element}-${phase}`}>
                      {cell.length === 0 ? (
                        <span className="muted">{t('board.empty')}</span>
                      ) : (
                        <ul className="activity-cards">
                          {cell.map((a) => (
                            <li key={a.id} className={`activity-card status-${a.status.toLowerCase()}`}>
                              <Link to={`/activity/activities/${a.id}`}>{a.name}</Link>
                              <span className="badge">{t(`status.${a.status}`)}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
