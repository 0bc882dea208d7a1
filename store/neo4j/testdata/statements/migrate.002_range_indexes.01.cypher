CYPHER 5 CREATE INDEX person_sort_label IF NOT EXISTS FOR (n:Person) ON (n.sortLabel)
