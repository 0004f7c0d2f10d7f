import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './view/App.tsx';
import { syncSimulation } from './state/store.ts';
import { startPersistence } from './state/persistence.ts';
import './view/theme.css';

// Persistence loads the link's or the saved scenario first (its store update computes the
// runs); syncSimulation then computes only if nothing was loaded, so start-up computes once.
startPersistence();
syncSimulation();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
