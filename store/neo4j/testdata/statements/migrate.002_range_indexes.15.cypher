CYPHER 5 CREATE INDEX commitment_date IF NOT EXISTS FOR (n:Commitment) ON (n.date)
