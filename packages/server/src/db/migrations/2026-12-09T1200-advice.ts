import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A learner's own settings on one question (domain/advice), keyed by the question's first
  // request: what they decided after several mentors' advice, and whether later mentors may see
  // the earlier ones' advice. Personal data: in the learner's export, deleted on erasure.
  await db.schema
    .createTable('question_choices')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('question_id', 'uuid', (c) => c.notNull().references('help_requests.id'))
    .addColumn('learner_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('decision', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('share_earlier_advice', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('question_choices_pk', ['tenant_id', 'question_id'])
    .execute();
  await db.schema
    .createIndex('question_choices_learner')
    .on('question_choices')
    .columns(['tenant_id', 'learner_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('question_choices').execute();
}
