CYPHER 5 CREATE INDEX evidence_attribution IF NOT EXISTS FOR (n:Evidence) ON (n.attribution)
