import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './view/App.tsx';
import { syncSimulation } from './state/store.ts';
import { startPersistence } from './state/persistence.ts';
import './view/theme.css';

syncSimulation();
startPersistence();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
