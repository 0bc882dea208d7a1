CYPHER 5 CREATE INDEX project_sort_label IF NOT EXISTS FOR (n:Project) ON (n.sortLabel)
