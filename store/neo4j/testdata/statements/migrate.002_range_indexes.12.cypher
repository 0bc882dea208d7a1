CYPHER 5 CREATE INDEX meeting_sort_label IF NOT EXISTS FOR (n:Meeting) ON (n.sortLabel)
