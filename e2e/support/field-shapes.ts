// Field shapes derived from an action's valid fields: each field duplicated, each required field
// missing, each field oversized, and an extra unknown field (ignored by the schema: still valid).
import type { ValidCall } from './action-fixtures';

export interface Shape {
  name: string;
  entries: [string, string][];
  /** Whether the shape is a valid call (the role table then decides). */
  valid: boolean;
}

/** Over every field's limit (the largest, the body's, is 200 KB). */
export const OVERSIZE = 210 * 1024;

export function invalidShapes({ fields, required }: ValidCall): Shape[] {
  const entries = Object.entries(fields);
  const shapes: Shape[] = [];
  for (const [key, value] of entries) shapes.push({ name: `${key} twice`, entries: [...entries, [key, value]], valid: false });
  for (const key of required) shapes.push({ name: `${key} missing`, entries: entries.filter(([k]) => k !== key), valid: false });
  for (const [key] of entries) shapes.push({ name: `${key} oversized`, entries: entries.map(([k, v]) => [k, k === key ? 'x'.repeat(OVERSIZE) : v]), valid: false });
  return shapes;
}

export function extraFieldShape({ fields }: ValidCall): Shape {
  return { name: 'an extra unknown field', entries: [...Object.entries(fields), ['unexpectedField', 'ignored']], valid: true };
}

export function validShape({ fields }: ValidCall): Shape {
  return { name: 'valid', entries: Object.entries(fields), valid: true };
}
