import { contextBridge, ipcRenderer } from 'electron';

/**
 * Hands the console the engine's address and this launch's session secret, and nothing else:
 * no Node, no IPC surface beyond this one value.
 */
const session = ipcRenderer.sendSync('exnode:session') as { url: string | null; session: string };

contextBridge.exposeInMainWorld('exnode', Object.freeze({ session: session.session, engineUrl: session.url, desktop: true }));
