import type { MessageInstance } from 'antd/es/message/interface';

/** antd's context-aware message API, captured once by <NotifierBridge/> so non-React code can use it. */
let messageApi: MessageInstance | null = null;

export function setMessageApi(api: MessageInstance) {
  messageApi = api;
}

export function showError(text: string) {
  messageApi?.error(text);
}

export function showSuccess(text: string) {
  messageApi?.success(text);
}

export function showWarning(text: string) {
  messageApi?.warning(text);
}
