/**
 * Record form front end (the *Edit as Form* panel). Only the @vscode-elements components used
 * are imported; the searchable pickers are plain inputs themed by VS Code's variables.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './form.css';
import { FormApp } from './app';

interface VsCodeApi {
  postMessage(msg: unknown): void;
}

const acquire = (globalThis as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi;
const api = typeof acquire === 'function' ? acquire() : { postMessage: () => undefined };
const host = {
  post: (msg: unknown) => api.postMessage(msg),
  listen: (handler: (msg: unknown) => void) => window.addEventListener('message', (e: MessageEvent) => handler(e.data)),
};
window.addEventListener('error', (e) => host.post({ type: 'error', message: `form: ${e.message}` }));
window.addEventListener('unhandledrejection', (e) => host.post({ type: 'error', message: `form: ${String(e.reason)}` }));
new FormApp(document.getElementById('app') ?? document.body, host).start();
