using Hearsay.Store.Migrations;

namespace Hearsay.Store.Postgres;

internal static class PostgresMigrations
{
    public static readonly Migration[] All =
    [
        new(1, "articles, entities, mentions, attributions, full-text index", """
            create table articles (
                id bigint generated always as identity primary key,
                content_hash text not null unique,
                title text,
                author text,
                outlet text,
                published timestamptz,
                url text,
                origin text,
                text text not null,
                ingested_at timestamptz not null
            );
            create index articles_published on articles (published);
            create index articles_outlet on articles (outlet);

            create table entities (
                id bigint generated always as identity primary key,
                name text not null,
                name_key text not null,
                kind text not null,
                named boolean not null,
                unique (name_key, kind)
            );

            create table mentions (
                article_id bigint not null references articles (id) on delete cascade,
                entity_id bigint not null references entities (id),
                start_pos integer not null,
                end_pos integer not null
            );
            create index mentions_entity on mentions (entity_id);
            create index mentions_article on mentions (article_id);

            create table attributions (
                id bigint generated always as identity primary key,
                article_id bigint not null references articles (id) on delete cascade,
                local_id text not null,
                kind text not null,
                speaker_id bigint references entities (id),
                parent_id bigint references attributions (id),
                source_start integer,
                source_end integer,
                source_text text,
                cue_start integer,
                cue_end integer,
                cue_text text,
                content_spans text not null,
                content text not null,
                rule text,
                confidence double precision not null,
                content_tsv tsvector generated always as (to_tsvector('english', content)) stored
            );
            create index attributions_article on attributions (article_id);
            create index attributions_speaker on attributions (speaker_id);
            create index attributions_parent on attributions (parent_id);
            create index attributions_fts on attributions using gin (content_tsv);
            """),
    ];
}
