CYPHER 5 CREATE INDEX pillar_number IF NOT EXISTS FOR (n:Pillar) ON (n.number)
