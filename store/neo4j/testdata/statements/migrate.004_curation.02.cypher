CYPHER 5 CREATE INDEX tombstone_survivor IF NOT EXISTS FOR (n:Tombstone) ON (n.survivor)
