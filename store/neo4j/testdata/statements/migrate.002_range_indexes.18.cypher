CYPHER 5 CREATE INDEX commitment_sort_label IF NOT EXISTS FOR (n:Commitment) ON (n.sortLabel)
