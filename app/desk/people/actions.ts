'use server';
// Admin actions on accounts. A role change or a disabled account bites on the account's next request,
// because every access check reloads the account (app/(auth)/access.ts); and it ends every session
// the account had (a trigger on users, db/migrations/0004_…), so re-enabling revives none of them.
// Access: every action starts with authorize() (app/(auth)/forms.ts): requireUser(), the form parsed
// once, then the role table (lib/roles.ts) asked about what was parsed; nothing is written before.
import { revalidatePath } from 'next/cache';
import { keepUnder, PERSON_LIMITS } from '@/lib/limits';
import { z } from 'zod';
import { authorize, type FormState, refusalFor, refuse } from '@/app/(auth)/forms';
import { changeUserRole, createUser, getUserByEmail, getUserById, setUserDisabled } from '@/db/queries/users';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '@/lib/auth/passwords';
import { ROLES } from '@/lib/types';
import { recordId } from '@/lib/ids';

const createSchema = z.object({
  email: z.email('Give a valid email address.').max(PERSON_LIMITS.email.max, keepUnder(PERSON_LIMITS.email)),
  name: z.string().trim().min(1, 'Give a name.').max(PERSON_LIMITS.name.max, keepUnder(PERSON_LIMITS.name)),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
  password: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
    .superRefine((p, ctx) => {
      const problem = passwordProblem(p);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, createSchema, 'people.manage');
  if (!parsed.ok) return { ...parsed.state, values: { ...parsed.state.values, password: '' } };
  const { user: admin } = parsed;
  const { email, name, role, password } = parsed.data;
  if ((await getUserByEmail({ email }))) return refuse(409, { errors: { email: ['An account with that email already exists.'] }, values: { email, name, role } });
  await createUser({ email, name, role, passwordHash: await hashPassword(password), actorId: admin.id });
  revalidatePath('/desk/people');
  return { ok: true, message: `Added ${email} as ${role}.` };
}

const roleSchema = z.object({ userId: recordId(), role: z.enum(ROLES, { error: 'Choose a role.' }) });

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, roleSchema, 'people.manage');
  if (!parsed.ok) return parsed.state;
  const { user: admin } = parsed;
  if (!(await getUserById({ id: parsed.data.userId }))) return refuse(404, { message: 'No such account.' });
  if (parsed.data.userId === admin.id && parsed.data.role !== 'admin') return refuse(409, { message: 'You cannot take away your own admin role.' });
  try {
    await changeUserRole({ id: parsed.data.userId, role: parsed.data.role, actorId: admin.id });
  } catch (error) {
    return refusalFor(error);
  }
  revalidatePath('/desk/people');
  return { ok: true, message: 'Role changed.' };
}

const disableSchema = z.object({ userId: recordId(), disabled: z.enum(['true', 'false']) });

export async function setDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, disableSchema, 'people.manage');
  if (!parsed.ok) return parsed.state;
  const { user: admin } = parsed;
  if (!(await getUserById({ id: parsed.data.userId }))) return refuse(404, { message: 'No such account.' });
  if (parsed.data.userId === admin.id) return refuse(409, { message: 'You cannot disable your own account.' });
  try {
    await setUserDisabled({ id: parsed.data.userId, disabled: parsed.data.disabled === 'true', actorId: admin.id });
  } catch (error) {
    return refusalFor(error);
  }
  revalidatePath('/desk/people');
  return { ok: true, message: parsed.data.disabled === 'true' ? 'Account disabled.' : 'Account enabled.' };
}
