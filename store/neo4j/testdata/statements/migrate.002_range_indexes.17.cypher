CYPHER 5 CREATE INDEX commitment_date_end IF NOT EXISTS FOR (n:Commitment) ON (n.dateEnd)
