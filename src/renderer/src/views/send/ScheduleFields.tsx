// "When will it go?": now, or at a time the user picks (not before Compose opened).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Field } from '../../components/Field';
import { toLocalInput } from '../../format';
import { useComposeStore } from '../../stores/compose';

export function ScheduleFields(): React.JSX.Element {
  const { t } = useTranslation();
  const c = useComposeStore(
    useShallow((s) => ({ scheduleEnabled: s.scheduleEnabled, scheduleAt: s.scheduleAt, error: s.errors.sendAt, set: s.set })),
  );
  // The picker's lower bound, from when Compose opened (the real check runs again before sending).
  const [minSendAt] = useState(() => toLocalInput(Date.now()));
  return (
    <div className="row wrap">
      <label className="check">
        <input type="checkbox" checked={c.scheduleEnabled} onChange={(e) => c.set({ scheduleEnabled: e.target.checked })} />
        {t('send.schedule')}
      </label>
      {c.scheduleEnabled ? (
        <Field label={t('send.sendAt')} error={c.error} hint={t('send.sendAtHint')}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              min={minSendAt}
              value={c.scheduleAt}
              onChange={(e) => c.set({ scheduleAt: e.target.value })}
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}
