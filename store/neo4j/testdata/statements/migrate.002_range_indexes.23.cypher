CYPHER 5 CREATE INDEX figure_as_of IF NOT EXISTS FOR (n:Figure) ON (n.asOf)
