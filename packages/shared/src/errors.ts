/** Stable error codes shared by server and UI; the UI shows `message`, tests match `code`. */
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  INVALID_TRANSITION: 409,
  IMPORT_FAILED: 422,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const defaultErrorMessages: Record<ErrorCode, string> = {
  BAD_REQUEST: '请求格式不正确',
  VALIDATION_FAILED: '输入内容有误，请检查后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '账号已被临时锁定，请稍后再试',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码',
  CSRF_FAILED: '页面已过期，请刷新后重试',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '记录不存在',
  CONFLICT: '记录已被他人修改，请刷新后重试',
  DUPLICATE: '记录已存在',
  INVALID_TRANSITION: '当前状态下不能执行此操作',
  IMPORT_FAILED: '导入失败，未写入任何数据',
  INTERNAL: '服务器内部错误',
  SERVICE_UNAVAILABLE: '数据库暂时无法访问，请稍后再试',
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** One field problem, as returned in `details.fields` of a VALIDATION_FAILED error. */
export interface FieldIssue {
  path: string;
  message: string;
}
