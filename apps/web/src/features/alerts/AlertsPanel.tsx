import { useState } from 'react';
import { Panel, QueryView } from '../../app/Panel.tsx';
import { ALERT_TYPES, type AlertType } from '../../api/types.ts';
import { AlertItem } from './AlertItem.tsx';
import { useAlerts } from './use-alerts.ts';

export function AlertsPanel() {
  const alerts = useAlerts();
  const [shown, setShown] = useState<ReadonlySet<AlertType>>(new Set(ALERT_TYPES));
  const toggle = (type: AlertType) =>
    setShown((current) => {
      const next = new Set(current);
      if (!next.delete(type)) next.add(type);
      return next;
    });

  return (
    <Panel
      title="Live alerts"
      testId="alerts"
      className="span-4"
      actions={ALERT_TYPES.map((type) => (
        <button
          key={type}
          className={`control badge ${type}`}
          aria-pressed={shown.has(type)}
          onClick={() => toggle(type)}
        >
          {type.replace('_', ' ')}
        </button>
      ))}
    >
      <QueryView
        {...alerts}
        isEmpty={(items) => items.length === 0}
        emptyText="No alerts in the last 30 minutes."
      >
        {(items) => (
          <ul className="alerts" aria-live="polite">
            {items
              .filter((alert) => shown.has(alert.alertType))
              .map((alert) => (
                <AlertItem key={alert.key} alert={alert} />
              ))}
          </ul>
        )}
      </QueryView>
    </Panel>
  );
}
