/** Register table front end (the *Open as Table* panel). */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './form.css';
import './table.css';
import { TableApp } from './table';

interface VsCodeApi {
  postMessage(msg: unknown): void;
}

const acquire = (globalThis as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi;
const api = typeof acquire === 'function' ? acquire() : { postMessage: () => undefined };
const host = {
  post: (msg: unknown) => api.postMessage(msg),
  listen: (handler: (msg: unknown) => void) => window.addEventListener('message', (e: MessageEvent) => handler(e.data)),
};
window.addEventListener('error', (e) => host.post({ type: 'error', message: `table: ${e.message}` }));
window.addEventListener('unhandledrejection', (e) => host.post({ type: 'error', message: `table: ${String(e.reason)}` }));
new TableApp(document.getElementById('app') ?? document.body, host).start();
