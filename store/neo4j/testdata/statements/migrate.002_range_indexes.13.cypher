CYPHER 5 CREATE INDEX commitment_kind IF NOT EXISTS FOR (n:Commitment) ON (n.kind)
