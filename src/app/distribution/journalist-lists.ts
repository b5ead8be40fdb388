import { NotFoundError, ValidationError, type FieldIssue } from '../../domain/errors.js';
import { JOURNALIST_LIMITS } from '../../domain/embargo.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { JournalistInput, JournalistUnitOfWork } from '../../ports/journalists.js';
import { normalizeEmailAddress } from './email-address.js';

/** What a staff member typed for a journalist, before checking. */
export interface JournalistForm {
  name: string;
  outlet: string;
  email: string;
  language: string;
  accredited: boolean;
}

function checkListName(name: string): string {
  const n = name.trim();
  if (n === '' || n.length > JOURNALIST_LIMITS.listNameMaxChars) throw new ValidationError('The list needs a name', [{ code: 'list_name_missing', message: `Name the list (at most ${JOURNALIST_LIMITS.listNameMaxChars} characters)`, field: 'name' }]);
  return n;
}

function checkJournalist(form: JournalistForm): JournalistInput {
  const issues: FieldIssue[] = [];
  const name = form.name.trim();
  const outlet = form.outlet.trim();
  if (name === '' || name.length > JOURNALIST_LIMITS.nameMaxChars) issues.push({ code: 'journalist_name_missing', message: 'Enter the journalist’s name', field: 'name' });
  if (outlet.length > JOURNALIST_LIMITS.outletMaxChars) issues.push({ code: 'outlet_too_long', message: `Shorten the outlet to ${JOURNALIST_LIMITS.outletMaxChars} characters`, field: 'outlet' });
  const address = normalizeEmailAddress(form.email);
  if (!address.ok) issues.push({ code: `email_${address.reason}`, message: 'Enter an email address like name@example.com', field: 'email' });
  if (form.language !== 'ko' && form.language !== 'en') issues.push({ code: 'language_unknown', message: 'Choose Korean or English', field: 'language' });
  if (issues.length > 0 || !address.ok) throw new ValidationError('The journalist cannot be saved', issues);
  return { name, outlet, email: address.address, language: form.language as 'ko' | 'en', accredited: form.accredited };
}

const duplicate = () => new ValidationError('This address is already on the list', [{ code: 'journalist_duplicate', message: 'This address is already on the list: edit that entry instead', field: 'email' }]);

/**
 * Journalist lists (#14): editors and admins keep lists of journalists (name, outlet, address,
 * language, accredited). Every change is audited with ids, never addresses.
 */
export function makeJournalistLists(deps: { uow: JournalistUnitOfWork; clock: Clock }) {
  const audit = (tx: Parameters<Parameters<JournalistUnitOfWork['run']>[0]>[0], actor: Actor, action: string, subjectType: string, id: number, details: Record<string, unknown> = {}) =>
    tx.audit.record({ at: deps.clock.now(), actor, action, subjectType, subjectId: String(id), details });
  return {
    lists: () => deps.uow.run((tx) => tx.journalists.lists()),
    /** One list and its members; NotFound for an unknown id. */
    show: (listId: number) =>
      deps.uow.run(async (tx) => {
        const list = await tx.journalists.list(listId);
        if (!list) throw new NotFoundError(`No journalist list ${listId}`);
        return { list, members: await tx.journalists.members(listId) };
      }),
    createList: (name: string, actor: Actor) =>
      deps.uow.run(async (tx) => {
        const id = await tx.journalists.createList(checkListName(name), deps.clock.now());
        await audit(tx, actor, 'journalist_list.created', 'journalist_list', id, { name: name.trim() });
        return id;
      }),
    renameList: (listId: number, name: string, actor: Actor) =>
      deps.uow.run(async (tx) => {
        if (!(await tx.journalists.renameList(listId, checkListName(name), deps.clock.now()))) throw new NotFoundError(`No journalist list ${listId}`);
        await audit(tx, actor, 'journalist_list.renamed', 'journalist_list', listId, { name: name.trim() });
      }),
    removeList: (listId: number, actor: Actor) =>
      deps.uow.run(async (tx) => {
        if (!(await tx.journalists.removeList(listId))) throw new NotFoundError(`No journalist list ${listId}`);
        await audit(tx, actor, 'journalist_list.removed', 'journalist_list', listId);
      }),
    addJournalist: (listId: number, form: JournalistForm, actor: Actor) =>
      deps.uow.run(async (tx) => {
        const input = checkJournalist(form);
        if (!(await tx.journalists.list(listId))) throw new NotFoundError(`No journalist list ${listId}`);
        const id = await tx.journalists.add(listId, input, deps.clock.now());
        if (id === null) throw duplicate();
        await audit(tx, actor, 'journalist.added', 'journalist', id, { listId, language: input.language, accredited: input.accredited });
        return id;
      }),
    updateJournalist: (id: number, form: JournalistForm, actor: Actor) =>
      deps.uow.run(async (tx) => {
        const input = checkJournalist(form);
        const current = await tx.journalists.get(id);
        if (!current) throw new NotFoundError(`No journalist ${id}`);
        if (!(await tx.journalists.update(id, input, deps.clock.now()))) throw duplicate();
        await audit(tx, actor, 'journalist.updated', 'journalist', id, { listId: current.listId, language: input.language, accredited: input.accredited });
        return current.listId;
      }),
    removeJournalist: (id: number, actor: Actor) =>
      deps.uow.run(async (tx) => {
        const current = await tx.journalists.get(id);
        if (!current || !(await tx.journalists.remove(id))) throw new NotFoundError(`No journalist ${id}`);
        await audit(tx, actor, 'journalist.removed', 'journalist', id, { listId: current.listId });
        return current.listId;
      }),
    getJournalist: (id: number) => deps.uow.run((tx) => tx.journalists.get(id)),
  };
}
export type JournalistLists = ReturnType<typeof makeJournalistLists>;
