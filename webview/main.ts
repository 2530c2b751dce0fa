/** The panel's entry (bundled by esbuild to dist/webview/panel.js, with panel.css). */
import './zod-without-eval';
import './panel.css';
import { PanelController } from './panel-controller';
import { connectToHost } from './vscode-api';

const root = document.getElementById('app');
if (root) new PanelController(root, connectToHost()).start();
