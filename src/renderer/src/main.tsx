import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEvents } from './events';
import { loadAll } from './flows';
import './i18n';
import './styles.css';

startEvents();
void loadAll();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
