CYPHER 5 CREATE INDEX commitment_date_start IF NOT EXISTS FOR (n:Commitment) ON (n.dateStart)
