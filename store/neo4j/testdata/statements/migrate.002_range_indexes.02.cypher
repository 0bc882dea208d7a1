CYPHER 5 CREATE INDEX organization_sort_label IF NOT EXISTS FOR (n:Organization) ON (n.sortLabel)
