/**
 * The core corpus schema: documents keyed by content hash, their analyses and the rows derived from them,
 * clusters, analyst dismissals, failures, watch entries and counter-narrative links, plus full-text search
 * (an FTS5 table kept by triggers on SQLite, a generated tsvector column on PostgreSQL).
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';
import type { Migration } from './types.js';

type Table<C extends string = never> = CreateTableBuilder<string, C>;

export const migration: Migration = {
  id: '0001-core',
  description: 'documents, outlets, analyses, findings, ledger items, claims, narratives, entities, techniques, clusters, dismissals, failures, watchlists, counter links, full-text search',
  async up(db: Kysely<unknown>, caps: Capabilities) {
    const id = <C extends string>(t: Table<C>): Table<C | 'id'> => t.addColumn('id', caps.serialType, (c) => c.primaryKey());
    const real = caps.realType;
    const docRef = <C extends string, N extends string = 'document_id'>(t: Table<C>, name: N = 'document_id' as N): Table<C | N> =>
      t.addColumn(name, 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'));
    const derived = <C extends string>(t: Table<C>): Table<C | 'document_id' | 'analysis_id'> => docRef(t).addColumn('analysis_id', 'integer', (c) => c.notNull());

    await db.schema.createTable('outlets').$call(id).addColumn('name', 'text', (c) => c.notNull().unique()).execute();

    await db.schema
      .createTable('documents')
      .$call(id)
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('outlet_id', 'integer', (c) => c.references('outlets.id'))
      .addColumn('author', 'text')
      .addColumn('url', 'text')
      .addColumn('published_at', 'text')
      .addColumn('published_week', 'text')
      .addColumn('source_kind', 'text', (c) => c.notNull())
      .addColumn('source_json', 'text', (c) => c.notNull())
      .addColumn('length', 'integer', (c) => c.notNull())
      .addColumn('minhash', 'text')
      .addColumn('current_analysis_id', 'integer')
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('documents_outlet').on('documents').columns(['outlet_id', 'published_at']).execute();
    await db.schema.createIndex('documents_published').on('documents').column('published_at').execute();
    await db.schema.createIndex('documents_language').on('documents').column('language').execute();

    await db.schema
      .createTable('analyses')
      .$call(id)
      .$call((t) => docRef(t))
      .addColumn('tool_version', 'text', (c) => c.notNull())
      .addColumn('config_hash', 'text', (c) => c.notNull())
      .addColumn('versions_json', 'text', (c) => c.notNull())
      .addColumn('result_json', 'text', (c) => c.notNull())
      .addColumn('total_ms', real, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('analyses_document').on('analyses').column('document_id').execute();

    await db.schema
      .createTable('findings')
      .$call(id)
      .$call(derived)
      .addColumn('finding_key', 'text', (c) => c.notNull())
      .addColumn('detector', 'text', (c) => c.notNull())
      .addColumn('detector_version', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('start_offset', 'integer', (c) => c.notNull())
      .addColumn('end_offset', 'integer', (c) => c.notNull())
      .addColumn('quote', 'text', (c) => c.notNull())
      .addColumn('confidence', real, (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('taxonomy_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('findings_document').on('findings').column('document_id').execute();
    await db.schema.createIndex('findings_detector').on('findings').column('detector').execute();

    await db.schema
      .createTable('ledger_items')
      .$call(id)
      .$call(derived)
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('item_index', 'text')
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('claim', 'text')
      .addColumn('claim_start', 'integer')
      .addColumn('claim_end', 'integer')
      .addColumn('attributed_to', 'text')
      .addColumn('motive', 'text')
      .addColumn('rebuttal', 'text')
      .addColumn('verdict', 'text')
      .addColumn('verdict_original', 'text')
      .addColumn('evidence_count', 'integer', (c) => c.notNull())
      .addColumn('evidence_summary', 'text', (c) => c.notNull())
      .addColumn('partial', 'integer', (c) => c.notNull())
      .addColumn('flags_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ledger_items_document').on('ledger_items').column('document_id').execute();

    await db.schema
      .createTable('claims')
      .$call(id)
      .$call(derived)
      .addColumn('claim_key', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('start_offset', 'integer', (c) => c.notNull())
      .addColumn('end_offset', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('speaker', 'text')
      .addColumn('has_source', 'integer', (c) => c.notNull())
      .addColumn('check_worthiness', real, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('claims_document').on('claims').column('document_id').execute();

    await db.schema
      .createTable('narratives')
      .$call(id)
      .$call(derived)
      .addColumn('taxonomy', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('score', real, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('narratives_document').on('narratives').column('document_id').execute();
    await db.schema.createIndex('narratives_label').on('narratives').columns(['label', 'document_id']).execute();

    await db.schema
      .createTable('entities')
      .$call(id)
      .$call(derived)
      .addColumn('entity_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('main_role', 'text')
      .addColumn('fine_roles_json', 'text', (c) => c.notNull())
      .addColumn('mentions', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('entities_document').on('entities').column('document_id').execute();
    await db.schema.createIndex('entities_name').on('entities').columns(['name', 'document_id']).execute();

    await db.schema
      .createTable('document_techniques')
      .$call((t) => docRef(t))
      .addColumn('technique', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('document_techniques_pk', ['document_id', 'technique'])
      .execute();
    await db.schema.createIndex('document_techniques_technique').on('document_techniques').columns(['technique', 'document_id']).execute();

    await db.schema
      .createTable('clusters')
      .$call(id)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('first_seen', 'text')
      .addColumn('last_seen', 'text')
      .addColumn('outlets', 'integer', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('cluster_members')
      .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id').onDelete('cascade'))
      .$call((t) => docRef(t))
      .addColumn('item_ref', 'text')
      .addColumn('text', 'text')
      .addColumn('similarity', real, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cluster_members_cluster').on('cluster_members').column('cluster_id').execute();
    await db.schema.createIndex('cluster_members_document').on('cluster_members').column('document_id').execute();

    await db.schema
      .createTable('dismissals')
      .$call(id)
      .addColumn('document_hash', 'text', (c) => c.notNull())
      .addColumn('detector', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text')
      .addColumn('quote', 'text', (c) => c.notNull())
      .addColumn('start_offset', 'integer', (c) => c.notNull())
      .addColumn('end_offset', 'integer', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dismissals_document').on('dismissals').column('document_hash').execute();

    await db.schema
      .createTable('failures')
      .$call(id)
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('hash', 'text')
      .addColumn('error', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('watch_entries')
      .$call(id)
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('origin_document_id', 'integer', (c) => c.references('documents.id').onDelete('set null'))
      .addColumn('origin_item_key', 'text')
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('watch_matches')
      .$call(id)
      .addColumn('watch_id', 'integer', (c) => c.notNull().references('watch_entries.id').onDelete('cascade'))
      .$call((t) => docRef(t))
      .addColumn('matched_text', 'text', (c) => c.notNull())
      .addColumn('start_offset', 'integer', (c) => c.notNull())
      .addColumn('end_offset', 'integer', (c) => c.notNull())
      .addColumn('score', real, (c) => c.notNull())
      .addColumn('found_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('watch_matches_unique', ['watch_id', 'document_id'])
      .execute();

    await db.schema
      .createTable('counter_links')
      .$call(id)
      .$call((t) => docRef(t, 'asserted_document_id'))
      .addColumn('asserted_text', 'text', (c) => c.notNull())
      .addColumn('asserted_start', 'integer', (c) => c.notNull())
      .addColumn('asserted_end', 'integer', (c) => c.notNull())
      .$call((t) => docRef(t, 'countering_document_id'))
      .addColumn('ledger_item_id', 'integer', (c) => c.notNull().references('ledger_items.id').onDelete('cascade'))
      .addColumn('score', real, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('counter_links_unique', ['asserted_document_id', 'asserted_start', 'ledger_item_id'])
      .execute();
    await db.schema.createIndex('counter_links_countering').on('counter_links').column('countering_document_id').execute();

    if (caps.fullText === 'fts5') {
      // External-content FTS5 index over title + text, kept in step by triggers (documents are never updated
      // in place except metadata, so insert/delete triggers suffice).
      await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
      await sql`CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END`.execute(db);
      await sql`CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END`.execute(db);
    } else {
      // 'simple' configuration: no stemming, works the same for every language of the corpus.
      await sql`ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED`.execute(db);
      await sql`CREATE INDEX documents_tsv ON documents USING gin (tsv)`.execute(db);
    }
  },
};
