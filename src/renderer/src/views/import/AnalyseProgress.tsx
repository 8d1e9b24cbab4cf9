// "How far along is the check?": the reading/checking phase, its bar, and a way to stop it.
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/Progress';
import { formatCount, percent } from '../../format';
import { t } from '../../i18n';
import { useComposeStore, type ImportProgress } from '../../stores/compose';

/** Reading counts characters of the file (shown as a percentage), checking counts rows. */
function progressText(p: ImportProgress): string {
  if (p.phase === 'parsing') return t('import.percentRead', { percent: percent(Math.floor((p.done / Math.max(1, p.total)) * 100), 100) });
  return t('import.rowsChecked', { done: formatCount(p.done), total: formatCount(p.total) });
}

export function AnalyseProgress({ progress }: { progress: ImportProgress }): React.JSX.Element {
  const { t } = useTranslation();
  const cancelAnalyse = useComposeStore((s) => s.cancelAnalyse);
  return (
    <div className="row import-progress">
      <span className="import-phase" data-testid="import-phase">
        {progress.phase === 'parsing' ? t('import.readingPhase') : t('import.checkingPhase')}
      </span>
      {/* Keyed by phase: the bar starts empty for checking instead of sliding back from full. */}
      <ProgressBar
        key={progress.phase}
        label={t('import.progress')}
        value={progress.done}
        max={Math.max(1, progress.total)}
        valueText={progressText(progress)}
      />
      <span className="muted">{progressText(progress)}</span>
      <button type="button" onClick={() => void cancelAnalyse()}>
        {t('import.cancel')}
      </button>
    </div>
  );
}
