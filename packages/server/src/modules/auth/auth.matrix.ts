import type { MatrixEntry } from '../../../test/matrix';

export const matrix: MatrixEntry[] = [
  { route: 'POST /api/auth/login', public: true },
  { route: 'POST /api/auth/logout', selfOnly: true },
  { route: 'GET /api/auth/me', selfOnly: true },
  { route: 'GET /api/auth/session', public: true },
  { route: 'POST /api/auth/password', selfOnly: true },
];
