CYPHER 5 CREATE INDEX programme_sort_label IF NOT EXISTS FOR (n:Programme) ON (n.sortLabel)
