/**
 * Dashboard front end for the VS Code panel and the static report (one bundle for both).
 * Only the @vscode-elements components used are imported, so the bundle stays small.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import './dashboard.css';
import { App } from './app';
import { detectHost } from './host';

const host = detectHost();
window.addEventListener('error', (e) => host.post({ type: 'error', message: `dashboard: ${e.message}` }));
window.addEventListener('unhandledrejection', (e) => host.post({ type: 'error', message: `dashboard: ${String(e.reason)}` }));
const root = document.getElementById('app') ?? document.body;
new App(root, host).start();
