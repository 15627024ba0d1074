using Hearsay.Store.Migrations;

namespace Hearsay.Store.Sqlite;

internal static class SqliteMigrations
{
    public static readonly Migration[] All =
    [
        new(1, "articles, entities, mentions, attributions, full-text index", """
            create table articles (
                id integer primary key,
                content_hash text not null unique,
                title text,
                author text,
                outlet text,
                published text,
                url text,
                origin text,
                text text not null,
                ingested_at text not null
            );
            create index articles_published on articles (published);
            create index articles_outlet on articles (outlet);

            create table entities (
                id integer primary key,
                name text not null,
                name_key text not null,
                kind text not null,
                named integer not null,
                unique (name_key, kind)
            );

            create table mentions (
                article_id integer not null references articles (id) on delete cascade,
                entity_id integer not null references entities (id),
                start_pos integer not null,
                end_pos integer not null
            );
            create index mentions_entity on mentions (entity_id);
            create index mentions_article on mentions (article_id);

            create table attributions (
                id integer primary key,
                article_id integer not null references articles (id) on delete cascade,
                local_id text not null,
                kind text not null,
                speaker_id integer references entities (id),
                parent_id integer references attributions (id),
                source_start integer,
                source_end integer,
                source_text text,
                cue_start integer,
                cue_end integer,
                cue_text text,
                content_spans text not null,
                content text not null,
                rule text,
                confidence real not null
            );
            create index attributions_article on attributions (article_id);
            create index attributions_speaker on attributions (speaker_id);
            create index attributions_parent on attributions (parent_id);

            -- rowid = attributions.id
            create virtual table attribution_fts using fts5 (content, tokenize = 'porter unicode61');
            """),
    ];
}
