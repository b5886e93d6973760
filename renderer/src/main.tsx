import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './global.css';
import './i18n/index.js';
import { FONT_STACK } from './fonts.js';
import { Root } from './Root.js';

document.body.style.fontFamily = FONT_STACK;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
