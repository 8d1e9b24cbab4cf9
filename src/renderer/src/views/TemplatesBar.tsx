// Saved messages: pick one to use its text, save the current text as a new one, update or delete.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { useComposeStore } from '../stores/compose';
import { useTemplatesStore } from '../stores/templates';
import { ResultLine } from '../components/InlineError';

export function TemplatesBar(): React.JSX.Element {
  const { t } = useTranslation();
  const templates = useTemplatesStore((s) => s.templates);
  const loaded = useTemplatesStore((s) => s.loaded);
  const errors = useTemplatesStore((s) => s.errors);
  const status = useTemplatesStore((s) => s.status);
  const message = useComposeStore((s) => s.message);
  const setCompose = useComposeStore((s) => s.set);
  const [chosen, setChosen] = useState<number | null>(null);
  const [naming, setNaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const current = templates.find((x) => x.id === chosen) ?? null;

  useEffect(() => {
    if (!loaded) void useTemplatesStore.getState().load();
  }, [loaded]);

  const store = useTemplatesStore.getState;
  return (
    <div className="templates" role="group" aria-label={t('templates.title')}>
      <div className="row wrap templates-row">
        <Field label={t('templates.pick')}>
          {(p) => (
            // A template deleted (or gone with a mode switch) shows as "choose" again.
            <select {...p} value={current?.id ?? ''} onChange={(e) => setChosen(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">{t('templates.pickNone')}</option>
              {templates.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" disabled={!current} onClick={() => current && setCompose({ message: current.text })}>
          {t('templates.insert')}
        </button>
        <button
          type="button"
          disabled={message.trim() === ''}
          onClick={() => {
            store().clearErrors();
            setNaming('');
          }}
        >
          {t('templates.saveAs')}
        </button>
        <button
          type="button"
          disabled={!current || message.trim() === '' || current.text === message}
          onClick={() => current && void store().save({ id: current.id, name: current.name, text: message })}
        >
          {t('templates.update')}
        </button>
        <button type="button" disabled={!current} onClick={() => setDeleting(true)}>
          {t('templates.delete')}
        </button>
      </div>
      {loaded && templates.length === 0 ? <p className="muted">{t('templates.empty')}</p> : null}
      <ResultLine result={status} />

      {naming != null ? (
        <Dialog
          title={t('templates.saveTitle')}
          confirmLabel={t('templates.save')}
          onCancel={() => setNaming(null)}
          onConfirm={() => {
            void store()
              .save({ name: naming, text: message })
              .then((saved) => {
                if (!saved) return;
                setNaming(null);
                setChosen(saved.id);
              });
          }}
        >
          <Field label={t('templates.nameLabel')} error={errors.name ?? errors.text ?? errors['']}>
            {(p) => <input {...p} autoFocus value={naming} maxLength={100} onChange={(e) => setNaming(e.target.value)} />}
          </Field>
        </Dialog>
      ) : null}
      {deleting && current ? (
        <Dialog
          title={t('templates.deleteTitle', { name: current.name })}
          confirmLabel={t('templates.delete')}
          danger
          onCancel={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            void store().remove(current.id);
          }}
        >
          <p>{t('templates.deleteText')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
