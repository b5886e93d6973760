import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_BRIDGE_KEY, buildDesktopBridge } from './surface.js';

// The whole preload: one frozen value, built in surface.ts (tested there), exposed to the page.
contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, buildDesktopBridge(ipcRenderer));
