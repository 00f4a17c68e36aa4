import type { MatrixEntry } from '../../../test/matrix';

export const matrix: MatrixEntry[] = [{ route: 'GET /api/health', public: true }];
