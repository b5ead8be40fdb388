import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError, type FieldIssue } from '../../../domain/errors.js';
import type { CreateContact } from '../../../app/contacts/create-contact.js';
import type { DeleteContact } from '../../../app/contacts/delete-contact.js';
import type { UpdateContact } from '../../../app/contacts/update-contact.js';
import type { PressContactRepo } from '../../../ports/press-contacts.js';
import { fieldText } from '../releases/release-form.js';
import { adminContext } from '../shared/admin-context.js';
import { canRead, canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { makeAdminErrorHandler } from '../shared/admin-error-handler.js';
import { redirectDone, sendAdminPage } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { ContactEditView, ContactsView, contactValues, emptyContact, type ContactFormValues } from './contacts.view.js';

/** The press-contact directory (#16): its reads and writes. */
export type ContactsSystem = {
  contacts: { repo: Pick<PressContactRepo, 'listWithUse' | 'byId'>; createContact: CreateContact; updateContact: UpdateContact; deleteContact: DeleteContact };
};

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const doneQuery = z.object({ done: z.string().max(20).optional().catch(undefined) });

function idOf(request: FastifyRequest): number {
  const parsed = id.safeParse((request.params as Record<string, unknown>).id);
  if (!parsed.success) throw new NotFoundError('No such page');
  return parsed.data;
}

const readContact = (body: unknown): ContactFormValues => ({ language: fieldText(body, 'language'), name: fieldText(body, 'name'), role: fieldText(body, 'role'), phone: fieldText(body, 'phone'), email: fieldText(body, 'email') });

/** Refusals come back on the same form (400); anything else goes to the admin error handler. */
function issuesOf(error: unknown): FieldIssue[] {
  if (!(error instanceof ValidationError)) throw error;
  return error.issues;
}

/** /admin/contacts (editors and admins): the press-contact directory; every write audited by its command. */
export function registerContactRoutes(app: FastifyInstance, deps: AdminWebDeps<ContactsSystem>): void {
  const c = () => deps.system.contacts;
  void app.register(async (scope) => {
    scope.setErrorHandler(makeAdminErrorHandler({ siteName: deps.siteName }));

    async function listPage(request: FastifyRequest, reply: FastifyReply, values: ContactFormValues | null = null, issues: FieldIssue[] = [], status = 200) {
      const { done } = doneQuery.parse(request.query ?? {});
      const [ctx, contacts] = await Promise.all([adminContext(request, reply, deps), c().repo.listWithUse()]);
      return sendAdminPage(reply, <ContactsView ctx={ctx} contacts={contacts} values={values ?? emptyContact(ctx.lang)} issues={issues} done={done} />, status);
    }
    async function editPage(request: FastifyRequest, reply: FastifyReply, contactId: number, values: ContactFormValues | null = null, issues: FieldIssue[] = [], status = 200) {
      const [ctx, contact] = await Promise.all([adminContext(request, reply, deps), c().repo.byId(contactId)]);
      if (!contact) throw new NotFoundError('That press contact no longer exists');
      return sendAdminPage(reply, <ContactEditView ctx={ctx} contact={contact} values={values ?? contactValues(contact)} issues={issues} />, status);
    }

    scope.get('/admin/contacts', canRead(deps, 'editor'), (request, reply) => listPage(request, reply));
    scope.post('/admin/contacts', canWrite(deps, 'editor'), async (request, reply) => {
      const values = readContact(request.body);
      try {
        await c().createContact({ ...values, language: values.language as 'ko' | 'en' }, actorOf(request));
        return redirectDone(reply, '/admin/contacts', 'added');
      } catch (error) {
        return listPage(request, reply, values, issuesOf(error), 400);
      }
    });
    scope.get('/admin/contacts/:id', canRead(deps, 'editor'), (request, reply) => editPage(request, reply, idOf(request)));
    scope.post('/admin/contacts/:id', canWrite(deps, 'editor'), async (request, reply) => {
      const contactId = idOf(request);
      const values = readContact(request.body);
      try {
        await c().updateContact(contactId, { ...values, language: values.language as 'ko' | 'en' }, actorOf(request));
        return redirectDone(reply, '/admin/contacts', 'saved');
      } catch (error) {
        return editPage(request, reply, contactId, values, issuesOf(error), 400);
      }
    });
    scope.post('/admin/contacts/:id/delete', canWrite(deps, 'editor'), async (request, reply) => {
      await c().deleteContact(idOf(request), actorOf(request));
      return redirectDone(reply, '/admin/contacts', 'deleted');
    });
  });
}
