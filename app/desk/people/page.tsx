import { requireDeskPage } from '@/app/(auth)/access';
import { ActionForm } from '@/components/desk/action-form';
import { CreateUserForm, RoleForm } from '@/components/desk/people-forms';
import { Pager } from '@/components/desk/pager';
import { listPeople } from '@/db/queries/users';
import { parsePeopleList, type RawParams } from '@/lib/desk/list-params';
import { ROLES } from '@/lib/types';
import { changeRoleAction, createUserAction, setDisabledAction } from './actions';
import { FilterSelect } from '@/components/desk/filter-select';

export const metadata = { title: 'People' };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const admin = await requireDeskPage('people.manage', '/desk/people');
  const { flat, filter } = parsePeopleList(await searchParams);
  const page = await listPeople(filter);
  const people = page.rows;
  return (
    <section>
      <h1>People</h1>
      <form method="get" action="/desk/people" className="filters">
        <FilterSelect id="filter-role" name="role" label="Show the role" value={flat.role} options={ROLES} />
        <FilterSelect id="filter-state" name="state" label="Show accounts that are" value={flat.state} options={['active', 'disabled']} />
        <p>
          <button type="submit">Show</button>
        </p>
      </form>
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
      <Pager path="/desk/people" filters={flat} next={page.next} prev={page.prev} label="People" />
      <h2>Add an account</h2>
      <div className="article">
        <CreateUserForm action={createUserAction} />
      </div>
    </section>
  );
}
