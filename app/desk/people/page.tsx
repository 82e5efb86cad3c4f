import { requireDeskPage } from '@/app/(auth)/access';
import { ActionForm } from '@/components/desk/action-form';
import { CreateUserForm, RoleForm } from '@/components/desk/people-forms';
import { listUsers } from '@/db/queries/users';
import { changeRoleAction, createUserAction, setDisabledAction } from './actions';

export const metadata = { title: 'People' };

export default async function PeoplePage() {
  const admin = await requireDeskPage('people.manage', '/desk/people');
  const people = listUsers();
  return (
    <section>
      <h1>People</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.email}</td>
              <td>{p.id === admin.id ? p.role : <RoleForm action={changeRoleAction} userId={p.id} role={p.role} label={p.email} />}</td>
              <td>
                {p.disabledAt ? 'disabled' : 'active'}
                {p.id !== admin.id ? (
                  <ActionForm
                    action={setDisabledAction}
                    hidden={{ userId: String(p.id), disabled: p.disabledAt ? 'false' : 'true' }}
                    submitLabel={p.disabledAt ? `Enable ${p.email}` : `Disable ${p.email}`}
                    className="inline-form"
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add an account</h2>
      <div className="article">
        <CreateUserForm action={createUserAction} />
      </div>
    </section>
  );
}
