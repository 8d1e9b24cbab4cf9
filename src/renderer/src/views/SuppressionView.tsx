// Suppression list (opt-outs): numbers never sent to. Add by hand, import a file, remove.
import { useEffect } from 'react';
import { useSuppressionStore } from '../stores/suppression';
import { SuppressionAdd } from './suppression/SuppressionAdd';
import { SuppressionList } from './suppression/SuppressionList';

export function SuppressionView(): React.JSX.Element {
  useEffect(() => {
    void useSuppressionStore.getState().load();
  }, []);
  return (
    <div className="suppression">
      <SuppressionAdd />
      <SuppressionList />
    </div>
  );
}
