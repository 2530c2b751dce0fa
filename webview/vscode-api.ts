/** The webview's handle on the host, acquired once (VS Code allows only one call). */
import type { WebviewToHostMessage } from '../src/shared/webview-to-host';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export type PostToHost = (message: WebviewToHostMessage) => void;

export interface HostChannel {
  post: PostToHost;
  getState(): unknown;
  setState(state: unknown): void;
}

export function connectToHost(): HostChannel {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}
