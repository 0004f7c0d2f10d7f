import { SURFACE_LIST } from '../../surfaces/catalog/index.ts';
import type { SurfaceDef } from '../../surfaces/surface.ts';

/** What the surface picker lists: the catalog, grouped, plus the typed-expression entry. */
export interface SurfaceEntry {
  id: string;
  name: string;
  lesson: string;
  category: SurfaceDef['category'];
}

export const CUSTOM_ID = 'custom';

export const CATEGORY_LABELS: Record<SurfaceDef['category'], string> = {
  terrain: 'Terrain: one lesson each',
  classic: 'Classic test functions',
  data: 'Data: a tiny model’s loss',
  custom: 'Custom',
};

const CATEGORY_ORDER: readonly SurfaceDef['category'][] = ['terrain', 'classic', 'data', 'custom'];

const CUSTOM_ENTRY: SurfaceEntry = {
  id: CUSTOM_ID,
  name: 'Custom expression',
  lesson: 'Type any f(x, y): the gradient and Hessian are derived symbolically.',
  category: 'custom',
};

export function surfaceGroups(): { category: SurfaceDef['category']; entries: SurfaceEntry[] }[] {
  const entries: SurfaceEntry[] = SURFACE_LIST.map(({ id, name, lesson, category }) => ({
    id,
    name,
    lesson,
    category,
  }));
  if (!entries.some((e) => e.id === CUSTOM_ID)) entries.push(CUSTOM_ENTRY);
  return CATEGORY_ORDER.map((category) => ({
    category,
    entries: entries.filter((e) => e.category === category),
  })).filter((g) => g.entries.length > 0);
}

/** The expression a freshly picked custom surface starts from: an ill-conditioned bowl to edit. */
export const STARTER_EXPRESSION = 'x^2 + 10*y^2';
