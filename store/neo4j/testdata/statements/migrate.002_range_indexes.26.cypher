CYPHER 5 CREATE INDEX source_sort_label IF NOT EXISTS FOR (n:Source) ON (n.sortLabel)
