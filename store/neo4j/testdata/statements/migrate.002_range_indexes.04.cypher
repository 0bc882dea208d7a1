CYPHER 5 CREATE INDEX country_sort_label IF NOT EXISTS FOR (n:Country) ON (n.sortLabel)
