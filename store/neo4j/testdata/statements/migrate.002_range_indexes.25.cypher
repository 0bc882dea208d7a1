CYPHER 5 CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.published)
