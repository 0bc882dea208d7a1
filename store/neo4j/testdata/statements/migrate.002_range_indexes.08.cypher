CYPHER 5 CREATE INDEX meeting_sequence IF NOT EXISTS FOR (n:Meeting) ON (n.sequence)
