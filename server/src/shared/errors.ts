/** An error with an HTTP status and a Vietnamese message for the user. Thrown by services, rendered by app.ts. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

/** 429 saying when to try again: the error handler sends `retryAfterSeconds` and a Retry-After header. */
export class RetryLaterError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, message);
  }
}

export const notFound = (what = 'Bản ghi') => new AppError(404, 'not_found', `${what} không tồn tại hoặc bạn không có quyền xem.`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new AppError(403, 'forbidden', message);
export const unauthorized = () => new AppError(401, 'unauthorized', 'Bạn cần đăng nhập.');
/** The user signed in with a temporary password and must choose their own before anything else. */
export const passwordChangeRequired = () =>
  new AppError(403, 'password_change_required', 'Bạn cần đổi mật khẩu trước khi tiếp tục sử dụng hệ thống.');
export const conflict = (message: string) => new AppError(409, 'conflict', message);
/** 400 naming one field: `field` is the contract key, `label` its Vietnamese name. */
export const invalidField = (field: string, label: string, problem: string) =>
  new AppError(400, 'validation', `${label} (${field}): ${problem}`, [{ field, message: problem }]);
