CYPHER 5 CREATE INDEX source_publisher IF NOT EXISTS FOR (n:Source) ON (n.publisher)
