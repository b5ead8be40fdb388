export const migrateCommand = {
  name: 'migrate',
  summary: 'Create or update the database schema (also done at every start)',
  async run(_system: unknown): Promise<number> {
    console.log('Database schema is up to date.');
    return 0;
  },
};
