import type { MessageInstance } from 'antd/es/message/interface';

/**
 * Toasts for code outside components (query error handler, redirects). Inside the signed-in layout
 * antd's context-aware API is registered; before that (login page) the static module is loaded on
 * first use so that it stays out of the first chunk.
 */
type Level = 'error' | 'success' | 'warning';

let contextual: MessageInstance | null = null;

export function setMessageApi(api: MessageInstance | null) {
  contextual = api;
}

function show(level: Level, text: string) {
  if (contextual) {
    void contextual[level](text);
    return;
  }
  void import('antd/es/message').then(({ default: message }) => {
    void message[level](text);
  });
}

export const showError = (text: string) => show('error', text);
export const showSuccess = (text: string) => show('success', text);
export const showWarning = (text: string) => show('warning', text);
